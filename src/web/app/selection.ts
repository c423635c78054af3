/**
 * Selecting nodes and showing their detail: a click, a search hit, a link in a panel. A node
 * that is not in the graph yet is loaded first (a search hit with its neighbourhood).
 */
import type { NodeDetailResponse } from '../../shared/api';
import type { GraphNode } from '../../shared/graph';
import { describeError } from '../api/client';
import { ApiError } from '../api/errors';
import { addLayer, findNode, nodeRef, unhide } from '../core/graph/graph-store';
import { commitGraph, graphOf } from '../core/history/actions';
import { showPath } from '../core/paths/actions';
import { detailFailed, detailLoaded, detailLoading, detailRead, focusMissing, select } from '../core/selection/actions';
import type { Explorer } from './explorer';
import { mergedIntoOf, offerSurvivor } from './merged';

export class SelectionController {
  /** Node details already fetched in this page load, by element id (shown at once, then read again). */
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
    // "As reported by" a day: the detail as known then (values a later article gave are hidden).
    const asOf = this.app.state.filters.asOf ?? undefined;
    const key = asOf ? `${id}@${asOf}` : id;
    const cached = this.details.get(key);
    // A detail seen before shows at once, then is read again (one statement): anyone may have
    // committed a change since, and the detail must not stay as it was when first read.
    if (cached) store.set(detailLoaded(id, cached, true));
    else store.set(detailLoading(id));
    try {
      const data = await api.node(id, undefined, asOf);
      if (cached && JSON.stringify(cached) === JSON.stringify(data)) return;
      this.details.set(key, data);
      // As of today the read is the node as it is: the graph's copy (title, canvas label) follows it.
      store.set(asOf ? detailLoaded(id, data) : detailRead(id, data));
    } catch (e) {
      if (cached) this.details.delete(key);
      store.set(detailFailed(id, describeError(e)));
      offerSurvivor(this.app, e);
    }
  }

  /** Forgets the details read of a node (it was edited): the next read shows the fresh one only. */
  forget(id: string): void {
    for (const key of [...this.details.keys()]) if (key === id || key.startsWith(`${id}@`)) this.details.delete(key);
  }

  /** Reloads the focused node's detail (after the "as reported by" day changed). */
  refreshDetail(): void {
    const focus = this.app.state.focus;
    if (focus) void this.loadDetail(focus);
  }

  /**
   * Selects a node by element id or our id, loading it first when it is not in the graph; the
   * camera goes to it unless `camera` is false (a reopened link frames its whole view instead).
   * `what` names the node in the message when it cannot be found (a link's focus says so).
   * False when it could not be found or loaded.
   */
  async focusRef(ref: string, camera = true, what?: string): Promise<boolean> {
    const { app } = this;
    const node = findNode(graphOf(app.state), ref) ?? (await this.addRef(ref, what));
    if (!node) return false;
    const id = node.id;
    if (graphOf(app.state).hidden.has(id))
      app.store.set((s) => commitGraph(unhide(graphOf(s), id), `Showed ${node.caption}`)(s));
    this.select(id);
    // Let the sync add it to the render graph before moving the camera.
    if (camera) requestAnimationFrame(() => app.render.controller?.camera.focusNode(id));
    return true;
  }

  /**
   * Selects a link's focus (from the address: a deep link, back/forward); when it cannot be found
   * the address keeps it as it was given, with nothing selected.
   */
  async focusFromLink(ref: string, camera: boolean, what?: string): Promise<void> {
    if (!(await this.focusRef(ref, camera, what))) this.app.store.set(focusMissing(ref));
  }

  /**
   * Opens a search hit: selects it when it is in the graph, else adds it with its neighbourhood
   * (a lone node says little) and selects it.
   */
  async openNode(node: GraphNode): Promise<void> {
    const { app } = this;
    if (!findNode(graphOf(app.state), node.id)) {
      this.addNode(node);
      await app.expansion.expand(node.id);
    }
    await this.focusRef(node.id);
  }

  /**
   * Adds a search hit to the selection (for paths) without dropping the node selected before,
   * whose detail stays; loaded as `openNode` loads it. The camera then keeps both in view (once
   * the layout that placed the new one is over). A path shown for another pair goes.
   */
  async addToSelection(node: GraphNode): Promise<void> {
    const { app } = this;
    if (!findNode(graphOf(app.state), node.id)) {
      this.addNode(node);
      await app.expansion.expand(node.id);
    }
    const found = findNode(graphOf(app.state), node.id);
    if (!found) return;
    const id = found.id;
    if (graphOf(app.state).hidden.has(id))
      app.store.set((s) => commitGraph(unhide(graphOf(s), id), `Showed ${found.caption}`)(s));
    app.store.set(showPath(null));
    // Already selected: stays (an additive pick would toggle it off).
    if (!app.state.selection.includes(id)) app.store.set(select(id, true, true));
    const focus = app.state.focus;
    if (focus && app.state.detail?.id !== focus) void this.loadDetail(focus);
    const both = app.state.selection;
    requestAnimationFrame(() => app.render.revealWhenSettled(both));
  }

  /**
   * Loads a node that is not in the graph yet and adds it alone, as one step (null when it cannot
   * be found). `passMerged`: the 404 of a node merged away since is thrown (a link's replay then
   * adds the survivor) rather than said.
   */
  async addRef(ref: string, what?: string, passMerged = false): Promise<GraphNode | null> {
    try {
      const d = await this.app.api.node(ref);
      this.details.set(d.node.id, d);
      this.addNode(d.node);
      return d.node;
    } catch (e) {
      if (passMerged && mergedIntoOf(e)) throw e;
      if (offerSurvivor(this.app, e)) return null;
      const missing = e instanceof ApiError && e.status === 404;
      this.app.shell.setStatus(
        'error',
        what && missing
          ? `${what} “${ref}” was not found: ${describeError(e)}`
          : `Could not open “${ref}”: ${describeError(e)}`,
      );
      return null;
    }
  }

  private addNode(node: GraphNode): void {
    const title = `Added ${node.caption}`;
    const source = { kind: 'node' as const, ref: nodeRef(node) };
    this.app.store.set((s) =>
      commitGraph(addLayer(graphOf(s), { nodes: [node], edges: [] }, { kind: 'node', title, source }), title)(s),
    );
  }
}
