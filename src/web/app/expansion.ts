/**
 * Expanding nodes: a node's neighbours (capped at the expansion limit, "+N more" per type), then
 * the relationships between the new nodes and the rest of the view ("connect result nodes"), as
 * one step. Two requests: the second needs the first's node ids.
 */
import type { GraphEdge, GraphPayload } from '../../shared/graph';
import { EDGES_BETWEEN_MAX_AMONG, EDGES_BETWEEN_MAX_NODES } from '../../shared/api/edges-caps';
import { describeError } from '../api/client';
import { expanded, expandedMessage, moreMessage } from '../core/expansion/actions';
import { connectRequest, expansionOf, findNode } from '../core/graph/graph-store';
import { graphOf } from '../core/history/actions';
import type { Explorer } from './explorer';

export class ExpansionController {
  constructor(private readonly app: Explorer) {}

  /** Fetches a node's neighbours and adds them with their links to the view, as one step. */
  async expand(ref: string): Promise<void> {
    const { app } = this;
    const known = findNode(graphOf(app.state), ref);
    const caption = known?.caption ?? ref;
    app.shell.setStatus('busy', `Expanding ${caption}…`);
    try {
      const res = await app.api.neighbours(known?.id ?? ref, { limit: app.state.expandLimit });
      const center = res.nodes.find((n) => n.id === res.center);
      const title = `Expanded ${center?.caption ?? caption}`;
      const before = graphOf(app.state).nodes.size;
      const page: GraphPayload = { nodes: res.nodes, edges: res.edges };
      const links = await this.connecting(page);
      app.store.set(expanded(res.center, page, res.more, title, links.edges));
      const added = graphOf(app.state).nodes.size - before;
      app.shell.setStatus(
        'info',
        expandedMessage(
          center?.caption ?? caption,
          { returned: res.returned, total: res.total, added, more: res.more },
          links.note,
        ),
      );
      app.render.runLayout(false);
    } catch (e) {
      app.shell.setStatus('error', `Could not expand ${caption}: ${describeError(e)}`);
    }
  }

  /** Next page of one relationship type of an expanded node ("+N more"). */
  async expandMore(anchor: string, type: string): Promise<void> {
    const { app } = this;
    const layer = expansionOf(graphOf(app.state), anchor);
    if (!layer) return this.expand(anchor);
    const caption = graphOf(app.state).nodes.get(anchor)?.caption ?? anchor;
    app.shell.setStatus('busy', `Loading more ${type} of ${caption}…`);
    try {
      const skip = layer.loaded?.[type] ?? 0;
      const res = await app.api.neighbours(anchor, { types: [type], skip, limit: app.state.expandLimit });
      const title = `More ${type} of ${caption}`;
      const page: GraphPayload = { nodes: res.nodes, edges: res.edges };
      const links = await this.connecting(page);
      app.store.set(expanded(res.center, page, { [type]: res.more[type] ?? 0 }, title, links.edges));
      app.shell.setStatus('info', moreMessage(caption, type, res.returned, res.more[type], links.note));
      app.render.runLayout(false);
    } catch (e) {
      app.shell.setStatus('error', `Could not load more ${type}: ${describeError(e)}`);
    }
  }

  /**
   * "Connect result nodes": the relationships between a page's new nodes and the nodes already
   * loaded. A failure costs only those links, never the expansion.
   */
  private async connecting(page: GraphPayload): Promise<{ edges: GraphEdge[]; note: string }> {
    const req = connectRequest(graphOf(this.app.state), page, {
      nodes: EDGES_BETWEEN_MAX_NODES,
      among: EDGES_BETWEEN_MAX_AMONG,
    });
    if (!req) return { edges: [], note: '' };
    try {
      const res = await this.app.api.edgesBetween({ nodes: req.nodes, among: req.among });
      return {
        edges: res.edges,
        note: res.truncated || req.cut ? ' Not every link to the rest of the view is shown.' : '',
      };
    } catch (e) {
      return { edges: [], note: ` Links to the rest of the view could not be loaded: ${describeError(e)}` };
    }
  }
}
