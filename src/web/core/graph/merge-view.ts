/**
 * A merge and its undo, drawn at once from what the server answered (no second request, no
 * reload of the graph). The deleted duplicate, and relationships the undo moved away, leave
 * every step (node-data.ts: undo cannot bring back what the server deleted); what the merge or
 * the undo created joins the view as one step, which undo takes away like any other. A merge is
 * drawn when the survivor or the duplicate is on the canvas (the survivor then takes the
 * duplicate's place), an undo while the survivor is: the change is about what the analyst sees.
 */
import type { GraphPayload } from '../../../shared/graph';
import { MERGE_DRAW_MAX } from '../../../shared/api/merge-caps';
import { commitGraph, graphOf } from '../history/actions';
import type { AppState } from '../state';
import { addLayer, type LayerSource } from './graph-store';
import { dropEdgesEverywhere, dropNodeEverywhere } from './node-data';

/** How a link fetches the layer again: the node's neighbours (which hold what was drawn). */
const sourceOf = (ref: string): LayerSource => ({ kind: 'expand', ref, pages: [{ skip: 0, limit: MERGE_DRAW_MAX }] });

/** Adds `payload` as one step titled `title` (nothing when it holds no node). */
const drawn =
  (payload: GraphPayload, title: string, ref: string) =>
  (s: AppState): AppState =>
    payload.nodes.length
      ? commitGraph(addLayer(graphOf(s), payload, { kind: 'node', title, source: sourceOf(ref) }), title)(s)
      : s;

/**
 * After merging `duplicate` into `survivor`: the duplicate leaves every step; the moved
 * relationships (`moved`, with their ends and the survivor; `ref`: the survivor's reference) are
 * drawn on the survivor as one step — with the survivor itself when only the duplicate was on
 * the canvas, so the merge shows where the analyst was looking. O(history entries + moved).
 */
export const mergedView =
  (m: { duplicate: string; survivor: string; moved: GraphPayload; title: string; ref: string }) =>
  (s: AppState): AppState => {
    const g = graphOf(s);
    const survivorShown = g.nodes.has(m.survivor);
    const replaces = !survivorShown && g.nodes.has(m.duplicate) && m.moved.nodes.some((n) => n.id === m.survivor);
    const next = dropNodeEverywhere(m.duplicate)(s);
    if (replaces) return drawn(m.moved, m.title, m.ref)(next);
    return survivorShown && m.moved.edges.length ? drawn(m.moved, m.title, m.ref)(next) : next;
  };

/**
 * After undoing a merge into `survivor`: the relationships that moved back (`removed`) leave every
 * step; the duplicate with its relationships (`restored`; `ref`: its reference) is drawn as one step.
 */
export const unmergedView =
  (m: { survivor: string; removed: readonly string[]; restored: GraphPayload; title: string; ref: string }) =>
  (s: AppState): AppState => {
    const next = dropEdgesEverywhere(m.removed)(s);
    return graphOf(next).nodes.has(m.survivor) && m.restored.edges.length
      ? drawn(m.restored, m.title, m.ref)(next)
      : next;
  };
