/**
 * The render graph: a graphology MultiDirectedGraph holding exactly what sigma draws, with display
 * attributes only (position, size, colour, caption). Derived from the domain store by
 * `syncRenderGraph`; never the other way round. No sigma import here: this runs in Node tests.
 */
import { MultiDirectedGraph } from 'graphology';
import type { GraphEdge, GraphNode } from '../../shared/graph';
import { displayCaption, type VisibleGraph } from '../core/graph/graph-store';
import { activePerspective } from '../core/perspective/active';
import { recurveGroups } from './parallel-edges';
import { batchRenderGraph } from './render-batch';
import { hasSizeRules, memoOf, sizeRanges, styleEdges, styleNode } from './restyle';
import { place } from './seed-positions';
import { nodeSize, nodeSizeFor, StyleCache } from './style';
import type { Theme } from '../core/shell/actions';

export interface RenderNodeAttributes {
  x: number;
  y: number;
  size: number;
  color: string;
  label: string;
  /** The main label (Person, Place…): colour, glyph, legend toggles. */
  nodeLabel: string;
  /** Pinned by a drag: ForceAtlas2 leaves fixed nodes where they are. */
  fixed: boolean;
  /** The node's properties, for a size rule that follows one (the data, not a copy). */
  props: Readonly<Record<string, unknown>>;
}

export interface RenderEdgeAttributes {
  size: number;
  color: string;
  relType: string;
  /** What the perspective writes on it (a property such as `roles`, or the type). */
  caption: string;
  /** The relationship's properties (the data, not a copy). */
  props: Readonly<Record<string, unknown>>;
  /** Sigma program: straight arrow, or curved when parallel to another edge. */
  type: 'arrow' | 'curvedArrow';
  curvature: number;
  /** ForceAtlas2 attraction: provenance links (MENTIONS…) pull less than facts do. */
  weight: number;
}

export type RenderGraph = MultiDirectedGraph<RenderNodeAttributes, RenderEdgeAttributes>;

export function createRenderGraph(): RenderGraph {
  return new MultiDirectedGraph<RenderNodeAttributes, RenderEdgeAttributes>();
}

export interface SyncOptions {
  theme: Theme;
  pinned: ReadonlySet<string>;
  /**
   * Remembered positions of nodes that left the view (hidden, collapsed, undone): a node that
   * comes back returns to where the analyst last saw it. Updated by this function.
   */
  positions: Map<string, { x: number; y: number }>;
  /**
   * What the view was derived from (compared item by item): a later sync by change alone
   * (`syncRenderGraphChange`) is accepted only from the view this graph was last synced to.
   */
  source?: readonly unknown[];
}

export interface SyncResult {
  addedNodes: string[];
  removedNodes: string[];
  addedEdges: string[];
  removedEdges: string[];
}

/**
 * Brings the render graph in line with the visible domain graph: removes what left, adds what
 * came (seeded next to its already-placed neighbours so expansions grow out of the expanded
 * node), restyles what changed and re-curves the parallel edges it touched. O(nodes + edges)
 * of the view in lookups; graph writes (and sigma's work) only for what changed.
 */
export function syncRenderGraph(graph: RenderGraph, view: VisibleGraph, opts: SyncOptions): SyncResult {
  return batchRenderGraph(graph, () => syncInBatch(graph, view, opts));
}

function syncInBatch(graph: RenderGraph, view: VisibleGraph, opts: SyncOptions): SyncResult {
  const result: SyncResult = { addedNodes: [], removedNodes: [], addedEdges: [], removedEdges: [] };
  const memo = memoOf(graph);
  memo.source = opts.source ?? null;
  // An empty render graph (a first load, a replaced view): everything is fresh, no lookups.
  const empty = graph.order === 0;
  const fresh: readonly GraphNode[] = empty ? view.nodes : view.nodes.filter((n) => !graph.hasNode(n.id));
  const freshEdges: readonly GraphEdge[] = empty ? view.edges : view.edges.filter((e) => !graph.hasEdge(e.id));
  // Edges whose parallel group changed (one left or joined it): only those groups are re-curved.
  const recurve: Array<[string, string]> = [];
  const removedEnds: Array<[string, string]> = [];

  // Something drawn left the view only when fewer drawn items are still in it than are drawn.
  if (view.edges.length - freshEdges.length < graph.size) {
    const edgeIds = new Set(view.edges.map((e) => e.id));
    graph.forEachEdge((id, _a, s, t) => {
      if (!edgeIds.has(id)) {
        result.removedEdges.push(id);
        recurve.push([s, t]);
        removedEnds.push([s, t]);
      }
    });
    for (const id of result.removedEdges) graph.dropEdge(id);
  }
  if (view.nodes.length - fresh.length < graph.order) {
    const nodeIds = new Set(view.nodes.map((n) => n.id));
    graph.forEachNode((id, a) => {
      if (!nodeIds.has(id)) {
        result.removedNodes.push(id);
        opts.positions.set(id, { x: a.x, y: a.y });
      }
    });
    for (const id of result.removedNodes) {
      graph.dropNode(id);
      memo.from.delete(id);
    }
  }

  // Style memo: a style computed under another theme or perspective is stale everywhere.
  const p = activePerspective();
  const stale = memo.theme !== opts.theme || memo.perspective !== p;
  memo.theme = opts.theme;
  memo.perspective = p;
  const ranges = sizeRanges(view.nodes);
  const neighbours = addFresh(graph, fresh, freshEdges, opts, ranges, result, recurve);

  // The nodes already drawn: new data, degree, pins, sizes by a property or a new theme change
  // some of them. Only what changed is written (one event each), so sigma re-processes just those.
  const pinsChanged = memo.pinned !== opts.pinned;
  memo.pinned = opts.pinned;
  const touched = new Set<string>();
  if (view.nodes.length > fresh.length) {
    for (const [s, t] of removedEnds) touched.add(s).add(t);
    for (const e of freshEdges) touched.add(e.source).add(e.target);
  }
  // (Nothing was drawn before: every node is fresh and already styled.)
  for (const n of fresh.length === view.nodes.length ? [] : view.nodes) {
    if (neighbours.has(n.id)) continue;
    const seen = !stale && memo.from.get(n.id) === n;
    if (seen && !pinsChanged && !ranges && !touched.has(n.id)) continue;
    styleNode(graph, n.id, seen ? null : n, opts, ranges);
    memo.from.set(n.id, n);
  }
  if (stale) styleEdges(graph, opts.theme);
  recurveGroups(graph, recurve);
  return result;
}

/**
 * What `syncRenderGraph` does to a graph last synced (by either function) from `change.from`,
 * when the new view is that one plus `change.nodes` and `change.edges` (new items, or items with
 * fresh data), visiting only those: the same render graph, in O(change + the changed nodes'
 * degree). Null, changing nothing, when it cannot tell: the graph was synced from elsewhere since,
 * or the theme, perspective, pins or a property-sized label would restyle beyond the change.
 */
export function syncRenderGraphChange(
  graph: RenderGraph,
  change: { from: readonly unknown[]; nodes: readonly GraphNode[]; edges: readonly GraphEdge[] },
  opts: SyncOptions,
): SyncResult | null {
  const memo = memoOf(graph);
  const p = activePerspective();
  if (!memo.source || !sameItems(memo.source, change.from)) return null;
  if (memo.theme !== opts.theme || memo.perspective !== p || memo.pinned !== opts.pinned) return null;
  if (hasSizeRules()) return null;
  return batchRenderGraph(graph, () => {
    memo.source = opts.source ?? null;
    const result: SyncResult = { addedNodes: [], removedNodes: [], addedEdges: [], removedEdges: [] };
    const recurve: Array<[string, string]> = [];
    const fresh = change.nodes.filter((n) => !graph.hasNode(n.id));
    const freshEdges = change.edges.filter((e) => !graph.hasEdge(e.id));
    const neighbours = addFresh(graph, fresh, freshEdges, opts, null, result, recurve);
    // As the full sync's restyle pass: drawn nodes with new data, then those whose degree changed.
    for (const n of change.nodes) {
      if (neighbours.has(n.id) || memo.from.get(n.id) === n) continue;
      styleNode(graph, n.id, n, opts, null);
      memo.from.set(n.id, n);
    }
    const touched = new Set<string>();
    for (const e of freshEdges) touched.add(e.source).add(e.target);
    for (const id of touched) if (!neighbours.has(id)) styleNode(graph, id, null, opts, null);
    recurveGroups(graph, recurve);
    return result;
  });
}

function sameItems(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/**
 * Adds the fresh nodes (seeded next to their drawn neighbours, sized by their degree) and the
 * fresh edges; returns each fresh node's neighbours. Every edge of a fresh node is fresh too (it
 * could not be drawn without it): O(fresh nodes + fresh edges).
 */
function addFresh(
  graph: RenderGraph,
  fresh: readonly GraphNode[],
  freshEdges: readonly GraphEdge[],
  opts: SyncOptions,
  ranges: ReadonlyMap<string, { min: number; max: number }> | null,
  result: SyncResult,
  recurve: Array<[string, string]>,
): Map<string, string[]> {
  const memo = memoOf(graph);
  const neighbours = new Map<string, string[]>();
  for (const n of fresh) neighbours.set(n.id, []);
  if (fresh.length) {
    for (const e of freshEdges) {
      neighbours.get(e.source)?.push(e.target);
      neighbours.get(e.target)?.push(e.source);
    }
  }
  const placed = place(graph, fresh, neighbours, opts.positions);
  const styles = new StyleCache(opts.theme);
  for (const n of fresh) {
    const pos = placed.get(n.id)!;
    const nodeLabel = styles.mainLabel(n.labels);
    const degree = neighbours.get(n.id)!.length;
    graph.addNode(n.id, {
      x: pos.x,
      y: pos.y,
      size: ranges ? nodeSizeFor(nodeLabel, degree, n.properties, ranges.get(nodeLabel)) : nodeSize(degree),
      color: styles.labelColor(nodeLabel),
      label: displayCaption(n),
      nodeLabel,
      fixed: opts.pinned.has(n.id),
      props: n.properties,
    });
    memo.from.set(n.id, n);
    opts.positions.delete(n.id);
    result.addedNodes.push(n.id);
  }
  for (const e of freshEdges) {
    // Already connected (either way): the pair's group is re-curved below; else a straight arrow.
    // (Both ends are drawn: the view holds only edges between its nodes.)
    if (graph.areNeighbors(e.source, e.target)) recurve.push([e.source, e.target]);
    const style = styles.edge(e.type);
    graph.addDirectedEdgeWithKey(e.id, e.source, e.target, {
      size: style.size,
      color: style.color,
      relType: e.type,
      caption: styles.edgeCaption(e.type, e.properties),
      props: e.properties,
      type: 'arrow',
      curvature: 0,
      weight: style.weight,
    });
    result.addedEdges.push(e.id);
  }
  return neighbours;
}

/** Edge data the detail views need, by render edge id. */
export function edgeTypeCounts(edges: readonly GraphEdge[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const e of edges) out.set(e.type, (out.get(e.type) ?? 0) + 1);
  return out;
}
