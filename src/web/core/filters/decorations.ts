/**
 * What the investigation views ask sigma's reducers to do, in one immutable object: the
 * reducers (installed once, see render/sigma) read it; it is replaced — never mutated — when a
 * filter or the graph changes, followed by one repaint. Hover never touches it.
 */
import type { GraphEdge, GraphNode } from '../../../shared/graph';
import { corroboration, corroborationWidth } from '../evidence/corroboration';
import type { ViewGraph } from '../timeline/time-filter';
import { computeViewFilter, contestedEvents, type InvestigationFilters } from './filter';

export interface ViewDecorations {
  /** Drawn in the dimmed colour, without label (outside the brushed range). */
  fadeNodes: ReadonlySet<string>;
  fadeEdges: ReadonlySet<string>;
  /** Not drawn at all (not yet reported; single-source; "hide filtered"). */
  hideNodes: ReadonlySet<string>;
  hideEdges: ReadonlySet<string>;
  /** The faded nodes the brush left out (not those the map fades): the legend does not count them. */
  outside: ReadonlySet<string>;
  /** The faded edges the brush left out: the timeline's "links shown" does not count them. */
  outsideEdges: ReadonlySet<string>;
  /** Events with contradicting claims: always labelled, ringed by the marker layer. */
  contested: ReadonlySet<string>;
  /** Edge thickness from corroboration (screen px); edges not listed keep their size. */
  edgeWidth: ReadonlyMap<string, number>;
}

export const NO_DECORATIONS: ViewDecorations = {
  fadeNodes: new Set(),
  fadeEdges: new Set(),
  hideNodes: new Set(),
  hideEdges: new Set(),
  outside: new Set(),
  outsideEdges: new Set(),
  contested: new Set(),
  edgeWidth: new Map(),
};

/** What the filters leave on screen (nodes/edges drawn, i.e. not hidden, and not faded by the brush). */
export interface ShownCounts {
  nodes: number;
  edges: number;
  hiddenEdges: number;
  fadedNodes: number;
  /** Drawn nodes per main label, those outside the brushed range left out (what the legend counts). */
  byLabel: Readonly<Record<string, number>>;
  /** Contested events drawn (ringed), outside the brushed range left out. */
  contested: number;
}

export const NO_SHOWN: ShownCounts = { nodes: 0, edges: 0, hiddenEdges: 0, fadedNodes: 0, byLabel: {}, contested: 0 };

export interface DecorationInputs {
  filters: InvestigationFilters;
  /** Article key → publication day. */
  published: ReadonlyMap<string, string>;
  /** Events the timeline flags as contested (their claims may not be loaded). */
  flagged: Iterable<string>;
  /** Map mode: geography leads. */
  map: boolean;
  /** The size edges have without corroboration (render style's). */
  baseEdgeSize: number;
}

/** Edge width: contradictions stand out; facts thicken with each further supporting article. */
function widthOf(e: GraphEdge, then: ReadonlyMap<string, number> | null, base: number): number {
  if (e.type === 'CONTRADICTS') return base * 2.4;
  const sources = then?.get(e.id) ?? corroboration(e.properties).sources;
  return corroborationWidth(base, sources);
}

/** The decorations of the view graph under the filters. O(nodes + edges). */
export function computeDecorations(g: ViewGraph, inp: DecorationInputs): ViewDecorations {
  const filter = computeViewFilter(g, inp.filters, inp.published);
  const contested = contestedEvents(g, inp.flagged);
  const edgeWidth = new Map<string, number>();
  for (const e of g.edges) {
    const w = widthOf(e, filter.sourcesThen, inp.baseEdgeSize);
    if (w !== inp.baseEdgeSize) edgeWidth.set(e.id, w);
  }
  let { fadeNodes, fadeEdges, hideEdges } = filter;
  if (inp.map) {
    // On the map, geography leads: mentions (article → everything) are not drawn, and claims
    // and articles recede (hover still shows them).
    const fn = new Set(fadeNodes);
    const fe = new Set(fadeEdges);
    const he = new Set(hideEdges);
    for (const n of g.nodes) if (n.labels.includes('Claim') || n.labels.includes('Article')) fn.add(n.id);
    for (const e of g.edges) {
      if (e.type === 'MENTIONS') he.add(e.id);
      else if (fn.has(e.source) || fn.has(e.target)) fe.add(e.id);
    }
    fadeNodes = fn;
    fadeEdges = fe;
    hideEdges = he;
  }
  return {
    fadeNodes,
    fadeEdges,
    hideNodes: filter.hideNodes,
    hideEdges,
    outside: filter.fadeNodes,
    outsideEdges: filter.fadeEdges,
    contested,
    edgeWidth,
  };
}

/**
 * What the decorations leave on screen of the view graph: `nodes` and `edges` drawn and kept by
 * the brush (what the map fades still counts), per label and contested likewise. `labelOf` names the legend rows a node
 * counts under (one label, or every label of a multi-label node). O(nodes + edges).
 */
export function shownCounts(
  g: ViewGraph,
  d: ViewDecorations,
  labelOf: (n: ViewGraph['nodes'][number]) => string | readonly string[],
): ShownCounts {
  let hiddenEdges = 0;
  let outsideEdges = 0;
  for (const e of g.edges) {
    if (d.hideEdges.has(e.id)) hiddenEdges++;
    else if (d.outsideEdges.has(e.id)) outsideEdges++;
  }
  let hiddenNodes = 0;
  let outsideNodes = 0;
  let contested = 0;
  const byLabel: Record<string, number> = {};
  for (const n of g.nodes) {
    if (d.hideNodes.has(n.id)) {
      hiddenNodes++;
      continue;
    }
    // Faded out of the brushed range: drawn dim and without its caption, but not what is looked at.
    if (d.outside.has(n.id)) {
      outsideNodes++;
      continue;
    }
    const ls = labelOf(n);
    for (const l of typeof ls === 'string' ? [ls] : ls) byLabel[l] = (byLabel[l] ?? 0) + 1;
    if (d.contested.has(n.id)) contested++;
  }
  return {
    nodes: g.nodes.length - hiddenNodes - outsideNodes,
    edges: g.edges.length - hiddenEdges - outsideEdges,
    hiddenEdges,
    fadedNodes: d.fadeNodes.size,
    byLabel,
    contested,
  };
}

export function sameShown(a: ShownCounts, b: ShownCounts): boolean {
  if (
    a.nodes !== b.nodes ||
    a.edges !== b.edges ||
    a.hiddenEdges !== b.hiddenEdges ||
    a.fadedNodes !== b.fadedNodes ||
    a.contested !== b.contested
  )
    return false;
  const ka = Object.keys(a.byLabel);
  return ka.length === Object.keys(b.byLabel).length && ka.every((k) => a.byLabel[k] === b.byLabel[k]);
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a === b) return true;
  if (a.size !== b.size) return false;
  for (const x of a) if (!b.has(x)) return false;
  return true;
}

/** Whether two decorations draw the same (a repaint can be skipped). O(size of the sets). */
export function sameDecorations(a: ViewDecorations, b: ViewDecorations): boolean {
  const sets = [
    [a.fadeNodes, b.fadeNodes],
    [a.fadeEdges, b.fadeEdges],
    [a.hideNodes, b.hideNodes],
    [a.hideEdges, b.hideEdges],
    [a.outside, b.outside],
    [a.outsideEdges, b.outsideEdges],
    [a.contested, b.contested],
  ] as const;
  if (!sets.every(([x, y]) => sameSet(x, y))) return false;
  if (a.edgeWidth.size !== b.edgeWidth.size) return false;
  for (const [k, v] of a.edgeWidth) if (b.edgeWidth.get(k) !== v) return false;
  return true;
}

/** An item of a view change, with how the previous view counted it. */
export interface AddedItems {
  /** Each node with its previous version when the previous view drew it. */
  nodes: ReadonlyArray<{ node: GraphNode; was: GraphNode | undefined }>;
  /** Each edge, and whether the previous view drew it. */
  edges: ReadonlyArray<{ edge: GraphEdge; drawn: boolean }>;
}

/**
 * The decorations and counts of a view that only gained `items` (new, or loaded again with fresh
 * data) since `prev` and `shown` were computed, with no filter and not on the map: what
 * computeDecorations and shownCounts give on the whole view, in O(items) plus a copy of the edge
 * widths when one changes. `widened`: the edges whose width changed. Null when the items may
 * change which events are contested (a claim's ABOUT or CONTRADICTS link): recompute then.
 */
export function withAddedItems(
  prev: ViewDecorations,
  shown: ShownCounts,
  items: AddedItems,
  labelOf: (n: GraphNode) => string | readonly string[],
  baseEdgeSize: number,
): { decorations: ViewDecorations; shown: ShownCounts; widened: string[] } | null {
  if (items.edges.some(({ edge: e }) => e.type === 'ABOUT' || e.type === 'CONTRADICTS')) return null;
  const byLabel: Record<string, number> = { ...shown.byLabel };
  const count = (n: GraphNode, k: number) => {
    const ls = labelOf(n);
    for (const l of typeof ls === 'string' ? [ls] : ls) {
      const c = (byLabel[l] ?? 0) + k;
      if (c) byLabel[l] = c;
      else delete byLabel[l];
    }
  };
  let nodes = shown.nodes;
  // Without filters, what is contested comes from the timeline's flags and the claim links alone.
  let contested = shown.contested;
  for (const { node, was } of items.nodes) {
    if (was) count(was, -1);
    else {
      nodes++;
      if (prev.contested.has(node.id)) contested++;
    }
    count(node, 1);
  }
  let edges = shown.edges;
  let widths: Map<string, number> | null = null;
  const widened: string[] = [];
  for (const { edge: e, drawn } of items.edges) {
    if (!drawn) edges++;
    const w = widthOf(e, null, baseEdgeSize);
    const before = prev.edgeWidth.get(e.id) ?? baseEdgeSize;
    if (w === before) continue;
    widths ??= new Map(prev.edgeWidth);
    if (w === baseEdgeSize) widths.delete(e.id);
    else widths.set(e.id, w);
    widened.push(e.id);
  }
  return {
    decorations: widths ? { ...prev, edgeWidth: widths } : prev,
    shown: { ...shown, nodes, edges, byLabel, contested },
    widened,
  };
}
