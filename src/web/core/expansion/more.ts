/**
 * "+N more" that counts what is on screen: per relationship type, the node's relationships in
 * all (the API's `byType`) minus those already loaded — by this expansion, the overview, another
 * expansion or a query. Pure.
 */
import type { GraphState, Layer } from '../graph/graph-store';

/** The loaded relationships of a node per type (hidden nodes' included: "show hidden" brings them back). O(edges). */
export function shownByType(state: GraphState, anchor: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const e of state.edges.values()) {
    if (e.source === anchor || e.target === anchor) out[e.type] = (out[e.type] ?? 0) + 1;
  }
  return out;
}

/** What an expansion still leaves out, per type (types with nothing left are omitted). O(edges). */
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

/** The relationships of a node shown now, out of those the API counted (types it counted only). */
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
 * whole edge set: the page's links to the rest of the view are of other types and other nodes. O(edges).
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
