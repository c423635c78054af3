/**
 * "+N more" that counts what is on screen: per relationship type, the node's relationships in
 * all (the API's `byType`) minus those already loaded — by this expansion, the overview, another
 * expansion or a query. Pure.
 */
import type { GraphState, Layer } from '../graph/graph-store';

/** What a node's loaded relationships are, read in one pass over the edges. */
interface Incident {
  /** Per type, each relationship once (a self-loop too), as the neighbours API counts them. */
  readonly byType: Readonly<Record<string, number>>;
  /** Per type, as the node's detail counts them: a self-loop is one outgoing and one incoming. */
  readonly asDegree: Readonly<Record<string, number>>;
  /** Self-loops, all types. */
  readonly loops: number;
  /** Whether a node at the other end of one is hidden. */
  readonly hiddenNeighbour: boolean;
}

// A graph state never changes (each change makes a new one), so what is read of it holds as long
// as it does: the detail panel asks on every render, and a render without a graph change should
// not walk every edge again.
const incidence = new WeakMap<GraphState, Map<string, Incident>>();

/** O(edges) the first time per graph state and node, O(1) after. */
function incident(state: GraphState, anchor: string): Incident {
  let byAnchor = incidence.get(state);
  if (!byAnchor) incidence.set(state, (byAnchor = new Map()));
  const known = byAnchor.get(anchor);
  if (known) return known;
  const byType: Record<string, number> = {};
  const asDegree: Record<string, number> = {};
  let loops = 0;
  let hiddenNeighbour = false;
  for (const e of state.edges.values()) {
    if (e.source !== anchor && e.target !== anchor) continue;
    byType[e.type] = (byType[e.type] ?? 0) + 1;
    const loop = e.source === e.target;
    asDegree[e.type] = (asDegree[e.type] ?? 0) + (loop ? 2 : 1);
    if (loop) loops++;
    else if (state.hidden.has(e.source === anchor ? e.target : e.source)) hiddenNeighbour = true;
  }
  const out: Incident = { byType, asDegree, loops, hiddenNeighbour };
  byAnchor.set(anchor, out);
  return out;
}

/**
 * The loaded relationships of a node per type (hidden nodes' included: "show hidden" brings them
 * back), a self-loop once. O(edges) the first time per graph state and node, O(1) after.
 */
export function shownByType(state: GraphState, anchor: string): Readonly<Record<string, number>> {
  return incident(state, anchor).byType;
}

/**
 * The loaded relationships of a node per type as its detail counts them (outgoing plus incoming:
 * a self-loop is both), to set against the detail's counts. Cost as shownByType.
 */
export function shownAsDegree(state: GraphState, anchor: string): Readonly<Record<string, number>> {
  return incident(state, anchor).asDegree;
}

/** The loaded self-loops of a node: what its detail's degree counts twice. Cost as shownByType. */
export function loopsAt(state: GraphState, anchor: string): number {
  return incident(state, anchor).loops;
}

/** Whether a neighbour of the node is hidden (a loaded relationship leads to it). Cost as shownByType. */
export function hiddenNeighbour(state: GraphState, anchor: string): boolean {
  return state.hidden.size > 0 && incident(state, anchor).hiddenNeighbour;
}

/** What an expansion still leaves out, per type (types with nothing left are omitted). O(types) after shownByType. */
export function remainingMore(state: GraphState, layer: Layer | undefined): Record<string, number> {
  if (!layer) return {};
  if (!layer.totals || !layer.anchor) return { ...(layer.more ?? {}) };
  const shown = shownByType(state, layer.anchor);
  const out: Record<string, number> = {};
  for (const [type, total] of Object.entries(layer.totals)) {
    const left = total - (shown[type] ?? 0);
    if (left > 0) out[type] = left;
  }
  return out;
}

/** The relationships of a node shown now, out of those the API counted (types it counted only). O(types) after shownByType. */
export function shownOfTotals(state: GraphState, anchor: string, totals: Record<string, number>): number {
  const shown = shownByType(state, anchor);
  let n = 0;
  for (const [type, total] of Object.entries(totals)) n += Math.min(total, shown[type] ?? 0);
  return n;
}

/** Whether a new graph state adds nothing to the old one (same nodes and relationships). O(1). */
export function addsNothing(before: GraphState, after: GraphState): boolean {
  return (
    after.nodes.size === before.nodes.size && after.edges.size === before.edges.size && after.hidden === before.hidden
  );
}

/**
 * How many relationships of one type at the anchor a "+N more" page added. Not the growth of the
 * whole edge set: the page's links to the rest of the view are of other types and other nodes.
 * Cost as shownByType.
 */
export function addedOfType(before: GraphState, after: GraphState, anchor: string, type: string): number {
  return Math.max(0, (shownByType(after, anchor)[type] ?? 0) - (shownByType(before, anchor)[type] ?? 0));
}

/**
 * The page size an expansion was made with (its first, all-types page): what "capped at" must
 * say, whatever "Expand up to" is set to now or was when a link was saved. Undefined for layers
 * that are not expansions.
 */
export function expansionLimit(layer: Layer | undefined): number | undefined {
  if (layer?.source?.kind !== 'expand') return undefined;
  const pages = layer.source.pages;
  return (pages.find((p) => p.type === undefined) ?? pages[0])?.limit;
}
