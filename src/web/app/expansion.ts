/**
 * Expanding nodes: a node's neighbours (capped at the expansion limit, "+N more" per type), then
 * the relationships between the new nodes and the rest of the view ("connect result nodes"), as
 * one step. Two requests: the second needs the first's node ids.
 */
import type { GraphEdge, GraphPayload } from '../../shared/graph';
import { EDGES_BETWEEN_MAX_AMONG, EDGES_BETWEEN_MAX_NODES } from '../../shared/api/edges-caps';
import { describeError } from '../api/client';
import { expanded, expandedMessage, moreMessage, typeExpandedMessage } from '../core/expansion/actions';
import {
  connectRequest,
  expansionOf,
  findNode,
  nodeRef,
  type GraphState,
  type LayerSource,
} from '../core/graph/graph-store';
import { addedOfType, remainingMore, shownOfTotals } from '../core/expansion/more';
import { graphOf } from '../core/history/actions';
import { humanType } from '../ui/format';
import type { Explorer } from './explorer';
import { mergedIntoOf, offerSurvivor } from './merged';

export class ExpansionController {
  constructor(private readonly app: Explorer) {}

  /**
   * Fetches a node's neighbours and adds them with their links to the view, as one step; a link
   * being replayed gives the page size it was made with, and takes back the 404 of a node merged
   * away since (`passMerged`: thrown, to draw the survivor instead of saying so).
   */
  async expand(ref: string, opts: { limit?: number; passMerged?: boolean } = {}): Promise<void> {
    const { app } = this;
    const known = findNode(graphOf(app.state), ref);
    const caption = known?.caption ?? ref;
    app.shell.setStatus('busy', `Expanding ${caption}…`);
    try {
      const limit = opts.limit ?? app.state.expandLimit;
      const res = await app.api.neighbours(known?.id ?? ref, { limit });
      const center = res.nodes.find((n) => n.id === res.center);
      const title = `Expanded ${center?.caption ?? caption}`;
      const before = graphOf(app.state);
      const page: GraphPayload = { nodes: res.nodes, edges: res.edges };
      const links = await this.connecting(page);
      const anchorRef = center ? nodeRef(center) : ref;
      const source: LayerSource = { kind: 'expand', ref: anchorRef, pages: [{ skip: 0, limit }] };
      app.store.set(expanded(res.center, page, res.more, title, links.edges, { totals: res.byType, source }));
      const after = graphOf(app.state);
      app.shell.setStatus(
        'info',
        expandedMessage(
          center?.caption ?? caption,
          {
            shown: shownOfTotals(after, res.center, res.byType),
            total: res.total,
            added: after.nodes.size - before.nodes.size,
            more: remainingMore(after, expansionOf(after, res.center)),
            ...(res.limit < limit ? { hubPage: res.limit } : {}),
          },
          links.note,
        ),
      );
      if (after.nodes.size !== before.nodes.size || after.edges.size !== before.edges.size) this.settle(before, page);
    } catch (e) {
      if (opts.passMerged && mergedIntoOf(e)) throw e;
      if (!offerSurvivor(app, e)) app.shell.setStatus('error', `Could not expand ${caption}: ${describeError(e)}`);
    }
  }

  /**
   * Next page of one relationship type ("+N more", a type in the detail panel); a replayed link
   * gives its page. A node not expanded yet gets an expansion of that type only: the user asked
   * for one type, and a hub's other types would bury it. `passMerged`: a node merged away since
   * is thrown, as expand's, so a replayed link draws the survivor instead.
   */
  async expandMore(
    anchor: string,
    type: string,
    at?: { skip: number; limit: number; passMerged?: boolean },
  ): Promise<void> {
    const { app } = this;
    const layer = expansionOf(graphOf(app.state), anchor);
    const known = graphOf(app.state).nodes.get(anchor);
    const caption = known?.caption ?? anchor;
    app.shell.setStatus(
      'busy',
      layer ? `Loading more ${humanType(type)} of ${caption}…` : `Expanding ${caption}: ${humanType(type)}…`,
    );
    try {
      const skip = at?.skip ?? layer?.loaded?.[type] ?? 0;
      const limit = at?.limit ?? app.state.expandLimit;
      const res = await app.api.neighbours(anchor, { types: [type], skip, limit });
      const title = layer ? `More ${type} of ${caption}` : `Expanded ${caption}: ${type}`;
      const before = graphOf(app.state);
      const page: GraphPayload = { nodes: res.nodes, edges: res.edges };
      const links = await this.connecting(page);
      const ref = layer?.source?.kind === 'expand' ? layer.source.ref : known ? nodeRef(known) : anchor;
      const source: LayerSource = { kind: 'expand', ref, pages: [{ type, skip, limit }] };
      const totals = res.byType[type] !== undefined ? { [type]: res.byType[type]! } : undefined;
      app.store.set(
        expanded(res.center, page, { [type]: res.more[type] ?? 0 }, title, links.edges, {
          ...(totals ? { totals } : {}),
          source,
        }),
      );
      const after = graphOf(app.state);
      if (layer) {
        const added = addedOfType(before, after, anchor, type);
        const left = remainingMore(after, expansionOf(after, anchor))[type];
        app.shell.setStatus('info', moreMessage(caption, humanType(type), added, left, links.note));
      } else {
        const total = totals?.[type] ?? 0;
        const r = {
          shown: shownOfTotals(after, anchor, totals ?? {}),
          total,
          added: after.nodes.size - before.nodes.size,
        };
        app.shell.setStatus('info', typeExpandedMessage(caption, humanType(type), r, links.note));
      }
      if (after.nodes.size !== before.nodes.size || after.edges.size !== before.edges.size) this.settle(before, page);
    } catch (e) {
      if (at?.passMerged && mergedIntoOf(e)) throw e;
      app.shell.setStatus('error', `Could not load more ${humanType(type)}: ${describeError(e)}`);
    }
  }

  /**
   * New nodes are in: lay them out, then bring them into the free part of the view. The new nodes
   * come from the page, so finding them is O(page), not O(loaded graph).
   */
  private settle(before: GraphState, page: GraphPayload): void {
    const now = graphOf(this.app.state).nodes;
    const fresh = [...new Set(page.nodes.map((n) => n.id))].filter((id) => !before.nodes.has(id) && now.has(id));
    this.app.render.runLayout(false, fresh);
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
