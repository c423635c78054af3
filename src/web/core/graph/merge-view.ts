/**
 * A merge and its undo, drawn at once from what the server answered (no second request, no
 * reload of the graph). The deleted duplicate, and relationships the undo moved away, leave
 * every step (node-data.ts: undo cannot bring back what the server deleted); what the merge or
 * the undo created joins the view as one step, which undo takes away like any other. It is
 * drawn only while the survivor is on the canvas: the change is about what the analyst sees.
 */
import type { GraphPayload } from '../../../shared/graph';
import { MERGE_DRAW_MAX } from '../../../shared/api/merge-caps';
import { commitGraph, graphOf } from '../history/actions';
import type { AppState } from '../state';
import { addLayer, type LayerSource } from './graph-store';
import { dropEdgesEverywhere, dropNodeEverywhere } from './node-data';

/** How a link fetches the layer again: the node's neighbours (which hold what was drawn). */
const sourceOf = (ref: string): LayerSource => ({ kind: 'expand', ref, pages: [{ skip: 0, limit: MERGE_DRAW_MAX }] });

/** Adds `payload` as one step titled `title` when node `anchor` is loaded. */
const drawn =
  (anchor: string, payload: GraphPayload, title: string, ref: string) =>
  (s: AppState): AppState => {
    const g = graphOf(s);
    if (!g.nodes.has(anchor) || !payload.edges.length) return s;
    return commitGraph(addLayer(g, payload, { kind: 'node', title, source: sourceOf(ref) }), title)(s);
  };

/**
 * After merging `duplicate` into `survivor`: the duplicate leaves every step; the moved
 * relationships (`moved`, with their ends; `ref`: the survivor's reference) are drawn on the
 * survivor as one step. O(history entries + moved).
 */
export const mergedView =
  (m: { duplicate: string; survivor: string; moved: GraphPayload; title: string; ref: string }) =>
  (s: AppState): AppState =>
    drawn(m.survivor, m.moved, m.title, m.ref)(dropNodeEverywhere(m.duplicate)(s));

/**
 * After undoing a merge into `survivor`: the relationships that moved back (`removed`) leave every
 * step; the duplicate with its relationships (`restored`; `ref`: its reference) is drawn as one step.
 */
export const unmergedView =
  (m: { survivor: string; removed: readonly string[]; restored: GraphPayload; title: string; ref: string }) =>
  (s: AppState): AppState =>
    drawn(m.survivor, m.restored, m.title, m.ref)(dropEdgesEverywhere(m.removed)(s));
