/**
 * The investigation filters combined into what the sigma reducers read: which nodes and edges to
 * fade and which to hide. Pure; recomputed on a filter or graph change (O(nodes + edges)), never
 * per frame or per hover.
 */
import type { GraphEdge } from '../../../shared/graph';
import { corroboration } from '../evidence/corroboration';
import { nodeAsOf } from '../timeline/reported-values';
import { activeInRange, reportedBy, type DateRange, type ViewGraph } from '../timeline/time-filter';

export interface InvestigationFilters {
  /** Brushed range of the timeline (event time); null = no brush. */
  range: DateRange | null;
  /** Hide (instead of fade) what the brush leaves out. */
  hideOutside: boolean;
  /** "As reported by" day; null = today's knowledge. */
  asOf: string | null;
  /** Hide facts supported by a single article. */
  hideSingleSource: boolean;
}

export const NO_FILTERS: InvestigationFilters = {
  range: null,
  hideOutside: false,
  asOf: null,
  hideSingleSource: false,
};

export interface ViewFilter {
  fadeNodes: ReadonlySet<string>;
  fadeEdges: ReadonlySet<string>;
  hideNodes: ReadonlySet<string>;
  hideEdges: ReadonlySet<string>;
  /** With asOf: per known edge, the distinct articles supporting it by then. */
  sourcesThen: ReadonlyMap<string, number> | null;
}

export const EMPTY_FILTER: ViewFilter = {
  fadeNodes: new Set(),
  fadeEdges: new Set(),
  hideNodes: new Set(),
  hideEdges: new Set(),
  sourcesThen: null,
};

export function isEmptyFilter(f: InvestigationFilters): boolean {
  return !f.range && !f.asOf && !f.hideSingleSource;
}

/** Supporting articles of an edge, as of the filter's day when it has one. */
function sourcesOf(e: GraphEdge, then: ReadonlyMap<string, number> | null): number | null {
  if (then) return then.get(e.id) ?? corroboration(e.properties).sources;
  return corroboration(e.properties).sources;
}

/**
 * Applies the filters in order: "as reported by" hides what was not known yet; the single-source
 * filter hides facts with exactly one supporting article (counted as of that day); the brush fades
 * (or hides) what is outside the range.
 */
export function computeViewFilter(
  g: ViewGraph,
  f: InvestigationFilters,
  published: ReadonlyMap<string, string>,
): ViewFilter {
  if (isEmptyFilter(f)) return EMPTY_FILTER;
  const hideNodes = new Set<string>();
  const hideEdges = new Set<string>();
  let sourcesThen: Map<string, number> | null = null;
  if (f.asOf) {
    const known = reportedBy(g, f.asOf, published);
    sourcesThen = known.sourcesThen;
    for (const n of g.nodes) if (!known.nodes.has(n.id)) hideNodes.add(n.id);
    for (const e of g.edges) if (!known.edges.has(e.id)) hideEdges.add(e.id);
  }
  if (f.hideSingleSource) {
    for (const e of g.edges) if (sourcesOf(e, sourcesThen) === 1) hideEdges.add(e.id);
  }
  const fadeNodes = new Set<string>();
  const fadeEdges = new Set<string>();
  if (f.range) {
    // As of a day, an event spans what was known then (not an end date a later article gave).
    const asOf = f.asOf;
    const dated = asOf ? { nodes: g.nodes.map((n) => nodeAsOf(n, asOf, published)), edges: g.edges } : g;
    const active = activeInRange(dated, f.range);
    for (const n of g.nodes) if (!active.nodes.has(n.id)) (f.hideOutside ? hideNodes : fadeNodes).add(n.id);
    for (const e of g.edges) if (!active.edges.has(e.id)) (f.hideOutside ? hideEdges : fadeEdges).add(e.id);
  }
  // An edge to a hidden node cannot be drawn.
  for (const e of g.edges) if (hideNodes.has(e.source) || hideNodes.has(e.target)) hideEdges.add(e.id);
  return { fadeNodes, fadeEdges, hideNodes, hideEdges, sourcesThen };
}

/**
 * Events with contradicting claims in the loaded graph: two claims ABOUT the event joined by a
 * CONTRADICTS edge. Plus any ids the timeline API flagged (the claims may not be loaded). O(edges).
 */
export function contestedEvents(g: ViewGraph, flagged: Iterable<string> = []): Set<string> {
  const about = new Map<string, string[]>();
  for (const e of g.edges)
    if (e.type === 'ABOUT') (about.get(e.source) ?? about.set(e.source, []).get(e.source)!).push(e.target);
  const out = new Set<string>(flagged);
  for (const e of g.edges) {
    if (e.type !== 'CONTRADICTS') continue;
    const a = about.get(e.source) ?? [];
    const b = new Set(about.get(e.target) ?? []);
    for (const ev of a) if (b.has(ev)) out.add(ev);
  }
  return out;
}
