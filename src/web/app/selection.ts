/**
 * Selecting nodes and showing their detail: a click, a search hit, a link in a panel. A node
 * that is not in the graph yet is loaded first (a search hit with its neighbourhood).
 */
import type { NodeDetailResponse } from '../../shared/api';
import type { GraphNode } from '../../shared/graph';
import { describeError } from '../api/client';
import { addLayer, findNode, unhide } from '../core/graph/graph-store';
import { commitGraph, graphOf } from '../core/history/actions';
import { detailFailed, detailLoaded, detailLoading, select } from '../core/selection/actions';
import type { Explorer } from './explorer';

export class SelectionController {
  /** Node details already fetched in this page load, by element id. */
  private readonly details = new Map<string, NodeDetailResponse>();

  constructor(private readonly app: Explorer) {}

  /** Selects a node (additive: toggles it in a two-node selection, for paths) and shows its detail; null clears. */
  select(id: string | null, additive = false): void {
    this.app.store.set(select(id, additive));
    const focus = this.app.state.focus;
    if (id !== null && focus) void this.loadDetail(focus);
  }

  async loadDetail(id: string): Promise<void> {
    const { store, api } = this.app;
    const cached = this.details.get(id);
    if (cached) {
      store.set(detailLoaded(id, cached, true));
      return;
    }
    store.set(detailLoading(id));
    try {
      const data = await api.node(id);
      this.details.set(id, data);
      store.set(detailLoaded(id, data));
    } catch (e) {
      store.set(detailFailed(id, describeError(e)));
    }
  }

  /** Selects a node by element id or our id, loading it first when it is not in the graph. */
  async focusRef(ref: string): Promise<void> {
    const { app } = this;
    let node = findNode(graphOf(app.state), ref);
    if (!node) {
      try {
        const d = await app.api.node(ref);
        this.details.set(d.node.id, d);
        const title = `Added ${d.node.caption}`;
        app.store.set((s) =>
          commitGraph(addLayer(graphOf(s), { nodes: [d.node], edges: [] }, { kind: 'node', title }), title)(s),
        );
        node = d.node;
      } catch (e) {
        app.shell.setStatus('error', `Could not open “${ref}”: ${describeError(e)}`);
        return;
      }
    }
    const id = node.id;
    if (graphOf(app.state).hidden.has(id))
      app.store.set((s) => commitGraph(unhide(graphOf(s), id), `Showed ${node!.caption}`)(s));
    this.select(id);
    // Let the sync add it to the render graph before moving the camera.
    requestAnimationFrame(() => app.render.controller?.camera.focusNode(id));
  }

  /**
   * Opens a search hit: selects it when it is in the graph, else adds it with its neighbourhood
   * (a lone node says little) and selects it.
   */
  async openNode(node: GraphNode): Promise<void> {
    const { app } = this;
    if (!findNode(graphOf(app.state), node.id)) {
      const title = `Added ${node.caption}`;
      app.store.set((s) =>
        commitGraph(addLayer(graphOf(s), { nodes: [node], edges: [] }, { kind: 'node', title }), title)(s),
      );
      await app.expansion.expand(node.id);
    }
    await this.focusRef(node.id);
  }
}
