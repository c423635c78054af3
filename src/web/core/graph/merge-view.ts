/**
 * A merge and its undo, drawn at once from what the server answered (no second request, no
 * reload of the graph). The deleted duplicate, and relationships the undo moved away, leave
 * every step (node-data.ts: undo cannot bring back what the server deleted); what the merge or
 * the undo created joins the view as one step, which undo takes away like any other. A merge is
 * drawn when the survivor or the duplicate is on the canvas (the survivor then takes the
 * duplicate's place); an undo while the survivor is, or when the duplicate was on the canvas as it
 * was merged away (then as the analyst last saw it, with its relationships to what is on the
 * canvas, even if the survivor left since): the change is about what the analyst sees. A link
 * rebuilds either step as it was drawn (an `around` layer, app/link.ts), not as a neighbourhood.
 */
import type { GraphEdge, GraphNode, GraphPayload } from '../../../shared/graph';
import { commitGraph, graphOf } from '../history/actions';
import type { AppState } from '../state';
import { addLayer, nodeRef, type GraphState, type LayerSource } from './graph-store';
import { dropEdgesEverywhere, dropNodeEverywhere, everywhere } from './node-data';

/**
 * How a link fetches a drawn layer again: its node `center` (reference `ref`) with its
 * relationships to the other nodes they join (in `payload`, else loaded in `g`), by reference
 * (sorted): what was drawn, not the node's whole neighbourhood. O(payload).
 */
export function aroundSource(payload: GraphPayload, center: string, ref: string, g: GraphState): LayerSource {
  const read = new Map(payload.nodes.map((n) => [n.id, n]));
  const ends = new Set(payload.nodes.filter((n) => n.id !== center).map(nodeRef));
  for (const e of payload.edges) {
    const other = e.source === center ? e.target : e.source;
    const n = other === center ? undefined : (read.get(other) ?? g.nodes.get(other));
    if (n) ends.add(nodeRef(n));
  }
  return { kind: 'around', ref, ends: [...ends].sort() };
}

/**
 * What a link's `around` layer draws, from what its replay read: `center`, and of `edges` (read
 * with `nodes`; the graph `g` has the other loaded ends) those between it and the nodes `ends`
 * names by reference (or itself), with those ends. Nothing else read joins. O(edges + nodes + ends).
 */
export function aroundPart(
  center: GraphNode,
  ends: readonly string[],
  edges: readonly GraphEdge[],
  nodes: readonly GraphNode[],
  g: GraphState,
): GraphPayload {
  const wanted = new Set(ends);
  const read = new Map(nodes.map((n) => [n.id, n]));
  const end = (id: string): GraphNode | undefined => {
    const n = read.get(id) ?? g.nodes.get(id);
    return n && (wanted.has(nodeRef(n)) || wanted.has(n.id)) ? n : undefined;
  };
  const out = new Map<string, GraphNode>([[center.id, center]]);
  const kept = new Map<string, GraphEdge>();
  for (const e of edges) {
    if (kept.has(e.id) || (e.source !== center.id && e.target !== center.id)) continue;
    const other = e.source === center.id ? e.target : e.source;
    const n = other === center.id ? center : end(other);
    if (!n) continue;
    out.set(n.id, n);
    kept.set(e.id, e);
  }
  return { nodes: [...out.values()], edges: [...kept.values()] };
}

/**
 * Layer source `l` with the node references in `names` (the merged-away duplicate's element id
 * and key) read as `to` (the survivor's). O(source).
 */
export function repointedSource(l: LayerSource, names: ReadonlySet<string>, to: string): LayerSource {
  const at = (ref: string) => (names.has(ref) ? to : ref);
  const all = (refs: readonly string[]) => [...new Set(refs.map(at))];
  switch (l.kind) {
    case 'expand':
    case 'node':
      return names.has(l.ref) ? { ...l, ref: to } : l;
    case 'paths':
      return [l.from, l.to, ...l.exclude].some((r) => names.has(r))
        ? { ...l, from: at(l.from), to: at(l.to), exclude: all(l.exclude) }
        : l;
    case 'around':
      return [l.ref, ...l.ends].some((r) => names.has(r)) ? { ...l, ref: at(l.ref), ends: all(l.ends).sort() } : l;
    default:
      return l;
  }
}

/**
 * The history's layer sources naming the merged-away duplicate (`names`) name the survivor (`to`)
 * instead, as the server re-points properties that named it. Rewritten here rather than resolved
 * on each replay (as a link copied before the merge is, link-merges.ts): a replay would ask for the
 * duplicate first and be told "merged into", and after an undo of the merge it would expand the
 * recreated duplicate's whole neighbourhood, which the view did not show. O(history entries × layers).
 */
const repointed = (names: ReadonlySet<string>, to: string) =>
  everywhere((g) => {
    const layers = g.layers.map((l) => (l.source ? { ...l, source: repointedSource(l.source, names, to) } : l));
    return layers.some((l, i) => l.source !== g.layers[i]!.source) ? { ...g, layers } : g;
  });

/** Whether node `id` is on the canvas: loaded and not hidden by the analyst. */
const onCanvas = (g: GraphState, id: string): boolean => g.nodes.has(id) && !g.hidden.has(id);

/** Adds `payload` around node `center` (reference `ref`) as one step titled `title` (nothing when it holds no node). */
const drawn =
  (payload: GraphPayload, title: string, center: string, ref: string) =>
  (s: AppState): AppState =>
    payload.nodes.length
      ? commitGraph(
          addLayer(graphOf(s), payload, {
            kind: 'node',
            title,
            source: aroundSource(payload, center, ref, graphOf(s)),
          }),
          title,
        )(s)
      : s;

/**
 * After merging `duplicate` (key `duplicateKey`) into `survivor`: the duplicate leaves every
 * step, and layer sources naming it name the survivor (`repointed`); the moved
 * relationships (`moved`, with their ends and the survivor; `ref`: the survivor's reference) are
 * drawn on the survivor as one step — with the survivor itself when only the duplicate was on
 * the canvas, so the merge shows where the analyst was looking. O(history entries × layers + moved).
 */
export const mergedView =
  (m: {
    duplicate: string;
    duplicateKey?: string | null;
    survivor: string;
    moved: GraphPayload;
    title: string;
    ref: string;
  }) =>
  (s: AppState): AppState => {
    const g = graphOf(s);
    const survivorShown = g.nodes.has(m.survivor);
    const replaces = !survivorShown && g.nodes.has(m.duplicate) && m.moved.nodes.some((n) => n.id === m.survivor);
    const names = new Set([m.duplicate, ...(m.duplicateKey ? [m.duplicateKey] : [])]);
    const dropped = repointed(names, m.ref)(dropNodeEverywhere(m.duplicate)(s));
    // Remembered so that an undo of this merge brings the duplicate back where it was seen.
    const next = onCanvas(g, m.duplicate)
      ? { ...dropped, mergedShown: new Set([...s.mergedShown, m.duplicate]) }
      : dropped;
    if (replaces) return drawn(m.moved, m.title, m.survivor, m.ref)(next);
    return survivorShown && m.moved.edges.length ? drawn(m.moved, m.title, m.survivor, m.ref)(next) : next;
  };

/**
 * `restored` cut to what was on the canvas: the duplicate (`id`) and its relationships whose other
 * end is loaded in `g`; no other node joins (nor is a hidden one shown again). O(restored).
 */
function asLastSeen(restored: GraphPayload, id: string, g: GraphState): GraphPayload {
  const near = (e: string) => e === id || g.nodes.has(e);
  return {
    nodes: restored.nodes.filter((n) => n.id === id),
    edges: restored.edges.filter((e) => near(e.source) && near(e.target)),
  };
}

/**
 * After undoing a merge into `survivor`: the relationships that moved back (`removed`) leave every
 * step. The duplicate (`duplicate`: its new element id; `was`: its element id before the merge)
 * with its relationships (`restored`; `ref`: its reference) is drawn as one step: all of them when
 * the survivor is on the canvas; else, when it was on the canvas as it was merged away, with those
 * to nodes loaded now (as the analyst last saw it, though the survivor was hidden or removed since).
 * O(history entries + restored).
 */
export const unmergedView =
  (m: {
    survivor: string;
    duplicate: string;
    was?: string;
    removed: readonly string[];
    restored: GraphPayload;
    title: string;
    ref: string;
  }) =>
  (s: AppState): AppState => {
    const seen = m.was !== undefined && s.mergedShown.has(m.was);
    const after = dropEdgesEverywhere(m.removed)(s);
    const next = seen ? { ...after, mergedShown: new Set([...s.mergedShown].filter((id) => id !== m.was)) } : after;
    const g = graphOf(next);
    if (onCanvas(g, m.survivor) && m.restored.edges.length) return drawn(m.restored, m.title, m.duplicate, m.ref)(next);
    return seen ? drawn(asLastSeen(m.restored, m.duplicate, g), m.title, m.duplicate, m.ref)(next) : next;
  };
