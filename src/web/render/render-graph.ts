/**
 * The render graph: a graphology MultiDirectedGraph holding exactly what sigma draws, with display
 * attributes only (position, size, colour, caption). Derived from the domain store by
 * `syncRenderGraph`; never the other way round. No sigma import here: this runs in Node tests.
 */
import { MultiDirectedGraph } from 'graphology';
import type { GraphEdge, GraphNode } from '../../shared/graph';
import { displayCaption, primaryLabel, type VisibleGraph } from '../core/graph/graph-store';
import { hashString } from '../core/graph/hash';
import { relationshipCaptionOf } from '../../shared/perspective';
import { activePerspective } from '../core/perspective/active';
import { edgeColor, edgeSize, edgeWeight, labelColor, nodeSize, nodeSizeFor, sizeProperty } from './style';
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

/**
 * Graph events emitted around a batch of render-graph changes. The SigmaController suspends
 * sigma's per-item graph handlers between them and re-indexes once at the end: sigma would
 * otherwise run its reducers several times per added item, and a full re-index per dropped one.
 */
export const RENDER_BATCH_START = 'newsgraph:batchStart';
export const RENDER_BATCH_END = 'newsgraph:batchEnd';

type LooseEmitter = { emit(event: string): boolean };
const batchDepth = new WeakMap<RenderGraph, number>();

/**
 * Runs `fn` (which mutates the render graph) as one batch; nested batches count as the outer
 * one. Costs two events beside `fn`; what listeners do at the end is theirs to bound.
 */
export function batchRenderGraph<T>(graph: RenderGraph, fn: () => T): T {
  const depth = batchDepth.get(graph) ?? 0;
  batchDepth.set(graph, depth + 1);
  if (depth === 0) (graph as unknown as LooseEmitter).emit(RENDER_BATCH_START);
  try {
    return fn();
  } finally {
    batchDepth.set(graph, depth);
    if (depth === 0) (graph as unknown as LooseEmitter).emit(RENDER_BATCH_END);
  }
}

export interface SyncOptions {
  theme: Theme;
  pinned: ReadonlySet<string>;
  /**
   * Remembered positions of nodes that left the view (hidden, collapsed, undone): a node that
   * comes back returns to where the analyst last saw it. Updated by this function.
   */
  positions: Map<string, { x: number; y: number }>;
}

export interface SyncResult {
  addedNodes: string[];
  removedNodes: string[];
  addedEdges: string[];
  removedEdges: string[];
}

const NO_NEIGHBOURS: readonly string[] = [];

/** Deterministic pseudo-random in [0, 1) from a string, so layouts (and screenshots) repeat. */
function rand(seed: string): number {
  return (hashString(seed) % 100_000) / 100_000;
}

function extent(graph: RenderGraph): { cx: number; cy: number; span: number } {
  if (graph.order === 0) return { cx: 0, cy: 0, span: 100 };
  let minX = Infinity,
    minY = Infinity,
    maxX = -Infinity,
    maxY = -Infinity;
  graph.forEachNode((_, a) => {
    if (a.x < minX) minX = a.x;
    if (a.x > maxX) maxX = a.x;
    if (a.y < minY) minY = a.y;
    if (a.y > maxY) maxY = a.y;
  });
  return { cx: (minX + maxX) / 2, cy: (minY + maxY) / 2, span: Math.max(10, maxX - minX, maxY - minY) };
}

/**
 * Brings the render graph in line with the visible domain graph: removes what left, adds what
 * came (seeded next to its already-placed neighbours so expansions grow out of the expanded
 * node), restyles everything, and curves parallel edges. O(nodes + edges) of the view.
 */
export function syncRenderGraph(graph: RenderGraph, view: VisibleGraph, opts: SyncOptions): SyncResult {
  return batchRenderGraph(graph, () => syncInBatch(graph, view, opts));
}

function syncInBatch(graph: RenderGraph, view: VisibleGraph, opts: SyncOptions): SyncResult {
  const result: SyncResult = { addedNodes: [], removedNodes: [], addedEdges: [], removedEdges: [] };
  const nodeIds = new Set(view.nodes.map((n) => n.id));
  const edgeIds = new Set(view.edges.map((e) => e.id));

  graph.forEachEdge((id) => {
    if (!edgeIds.has(id)) result.removedEdges.push(id);
  });
  for (const id of result.removedEdges) graph.dropEdge(id);
  graph.forEachNode((id, a) => {
    if (!nodeIds.has(id)) {
      result.removedNodes.push(id);
      opts.positions.set(id, { x: a.x, y: a.y });
    }
  });
  for (const id of result.removedNodes) graph.dropNode(id);

  const { cx, cy, span } = extent(graph);
  const neighbours = new Map<string, string[]>();
  for (const e of view.edges) {
    (neighbours.get(e.source) ?? neighbours.set(e.source, []).get(e.source)!).push(e.target);
    (neighbours.get(e.target) ?? neighbours.set(e.target, []).get(e.target)!).push(e.source);
  }
  const fresh = view.nodes.filter((n) => !graph.hasNode(n.id));
  const placed = new Map<string, { x: number; y: number }>();
  const positionOf = (id: string) => (graph.hasNode(id) ? graph.getNodeAttributes(id) : placed.get(id));
  // Two passes: nodes touching the existing drawing first, then those touching the first ones.
  for (let pass = 0; pass < 3; pass++) {
    for (const n of fresh) {
      if (placed.has(n.id)) continue;
      const remembered = opts.positions.get(n.id);
      if (remembered) {
        placed.set(n.id, remembered);
        continue;
      }
      // Mean position of the already placed neighbours (a plain loop: this runs per fresh node and pass).
      let sx = 0;
      let sy = 0;
      let anchors = 0;
      for (const m of neighbours.get(n.id) ?? NO_NEIGHBOURS) {
        const p = positionOf(m);
        if (!p) continue;
        sx += p.x;
        sy += p.y;
        anchors++;
      }
      if (anchors === 0 && pass < 2) continue;
      const r = rand(n.id);
      const angle = r * Math.PI * 2;
      if (anchors) {
        const ax = sx / anchors;
        const ay = sy / anchors;
        const d = graph.order ? span * (0.04 + 0.06 * rand(`${n.id}#d`)) : 1 + rand(`${n.id}#d`);
        placed.set(n.id, { x: ax + Math.cos(angle) * d, y: ay + Math.sin(angle) * d });
      } else {
        const d = (graph.order ? span / 2 : Math.sqrt(fresh.length) * 10) * Math.sqrt(rand(`${n.id}#d`));
        placed.set(n.id, { x: cx + Math.cos(angle) * d, y: cy + Math.sin(angle) * d });
      }
    }
  }

  const byId = new Map<string, GraphNode>();
  for (const n of view.nodes) byId.set(n.id, n);
  for (const n of fresh) {
    const p = placed.get(n.id)!;
    const nodeLabel = primaryLabel(n.labels);
    graph.addNode(n.id, {
      x: p.x,
      y: p.y,
      size: nodeSize(0),
      color: labelColor(nodeLabel, opts.theme),
      label: displayCaption(n),
      nodeLabel,
      fixed: opts.pinned.has(n.id),
      props: n.properties,
    });
    opts.positions.delete(n.id);
    result.addedNodes.push(n.id);
  }

  for (const e of view.edges) {
    if (graph.hasEdge(e.id)) continue;
    graph.addDirectedEdgeWithKey(e.id, e.source, e.target, {
      size: edgeSize(e.type),
      color: edgeColor(e.type, opts.theme),
      relType: e.type,
      caption: relationshipCaptionOf(activePerspective(), e.type, e.properties),
      props: e.properties,
      type: 'arrow',
      curvature: 0,
      weight: edgeWeight(e.type),
    });
    result.addedEdges.push(e.id);
  }

  // Structure changed: no attribute hints, so sigma re-indexes (hints would make it repaint
  // nodes it has not indexed yet, which throws).
  restyle(
    graph,
    byId,
    opts,
    result.addedNodes.length + result.removedNodes.length + result.addedEdges.length + result.removedEdges.length > 0,
  );
  curveParallelEdges(graph);
  return result;
}

/**
 * Re-applies colours, captions, sizes and pins (after a theme switch too). O(nodes + edges).
 * `structural`: nodes or edges were just added/removed — then no update hints are given.
 */
export function restyle(
  graph: RenderGraph,
  byId: ReadonlyMap<string, GraphNode> | null,
  opts: Pick<SyncOptions, 'theme' | 'pinned'>,
  structural = false,
): void {
  batchRenderGraph(graph, () => restyleInBatch(graph, byId, opts, structural));
}

function restyleInBatch(
  graph: RenderGraph,
  byId: ReadonlyMap<string, GraphNode> | null,
  opts: Pick<SyncOptions, 'theme' | 'pinned'>,
  structural: boolean,
): void {
  // Attributes are updated in place (no copy per item: this runs over the whole view); the
  // batched update still emits its one event.
  if (byId) {
    graph.updateEachNodeAttributes((id, a) => {
      const n = byId.get(id);
      if (n) {
        a.nodeLabel = primaryLabel(n.labels);
        a.label = displayCaption(n);
        a.props = n.properties;
      }
      return a;
    });
  }
  const ranges = sizeRanges(graph);
  graph.updateEachNodeAttributes(
    (id, a) => {
      a.color = labelColor(a.nodeLabel, opts.theme);
      a.size = ranges
        ? nodeSizeFor(a.nodeLabel, graph.degree(id), a.props, ranges.get(a.nodeLabel))
        : nodeSize(graph.degree(id));
      a.fixed = opts.pinned.has(id);
      return a;
    },
    structural ? undefined : { attributes: ['color', 'size', 'label', 'nodeLabel', 'fixed'] },
  );
  // (Hints for a listening sigma outside a batch: it re-indexes edges only when they name a
  // layout field, "type", and would throw on edges it has not indexed yet.)
  const p = activePerspective();
  graph.updateEachEdgeAttributes(
    (_id, a) => {
      a.color = edgeColor(a.relType, opts.theme);
      a.caption = relationshipCaptionOf(p, a.relType, a.props);
      a.size = edgeSize(a.relType);
      a.weight = edgeWeight(a.relType);
      return a;
    },
    { attributes: structural ? ['color', 'type'] : ['color'] },
  );
}

/**
 * Per label whose size follows a property, that property's extent over the drawn nodes; null
 * when no label has such a rule (the usual case: sizes by degree). O(nodes) then.
 */
function sizeRanges(graph: RenderGraph): Map<string, { min: number; max: number }> | null {
  const p = activePerspective();
  if (!p?.labels.some((l) => l.size.by !== 'degree')) return null;
  const out = new Map<string, { min: number; max: number }>();
  graph.forEachNode((_id, a) => {
    const k = sizeProperty(a.nodeLabel);
    const v = k ? a.props[k] : undefined;
    if (typeof v !== 'number' || !Number.isFinite(v)) return;
    const r = out.get(a.nodeLabel);
    if (!r) out.set(a.nodeLabel, { min: v, max: v });
    else {
      r.min = Math.min(r.min, v);
      r.max = Math.max(r.max, v);
    }
  });
  return out;
}

/**
 * Parallel edges (same two nodes) are curved so each stays visible and hoverable: edges in one
 * direction fan out symmetrically; when both directions exist each direction bends to its side.
 */
export function curveParallelEdges(graph: RenderGraph): void {
  const groups = new Map<string, string[]>();
  graph.forEachEdge((id, _a, s, t) => {
    const key = s < t ? `${s}\u0000${t}` : `${t}\u0000${s}`;
    (groups.get(key) ?? groups.set(key, []).get(key)!).push(id);
  });
  const curves = new Map<string, number>();
  for (const ids of groups.values()) {
    if (ids.length === 1) continue;
    ids.sort();
    const first = graph.source(ids[0]!);
    const forward = ids.filter((id) => graph.source(id) === first);
    const backward = ids.filter((id) => graph.source(id) !== first);
    for (const dir of [forward, backward]) {
      dir.forEach((id, i) => {
        curves.set(id, backward.length === 0 ? 0.4 * (i - (dir.length - 1) / 2) : 0.2 + 0.3 * i);
      });
    }
  }
  // One batched update (one graph event) instead of an event per edge.
  graph.updateEachEdgeAttributes(
    (id, a) => {
      const c = curves.get(id);
      a.type = c === undefined ? 'arrow' : 'curvedArrow';
      a.curvature = c ?? 0;
      return a;
    },
    // 'type' is a layout field for sigma: it re-indexes, which the program switch needs.
    { attributes: ['type', 'curvature'] },
  );
}

/** Edge data the detail views need, by render edge id. */
export function edgeTypeCounts(edges: readonly GraphEdge[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const e of edges) out.set(e.type, (out.get(e.type) ?? 0) + 1);
  return out;
}
