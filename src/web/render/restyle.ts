/**
 * Keeping the drawn items' style (caption, colour, size, pin) in line with their data, the theme
 * and the perspective, with a per-graph memo of what each style was computed from so that a
 * restyle writes only what changed. Apart from render-graph.ts, which decides what is drawn:
 * this decides how it looks.
 */
import type { GraphNode } from '../../shared/graph';
import { edgeLabelOf } from '../../shared/perspective';
import { displayCaption, primaryLabel } from '../core/graph/graph-store';
import { activePerspective } from '../core/perspective/active';
import type { Theme } from '../core/shell/actions';
import { batchRenderGraph } from './render-batch';
import type { RenderGraph, SyncOptions } from './render-graph';
import { edgeColor, edgeSize, edgeWeight, labelColor, nodeSize, nodeSizeFor, sizeProperty } from './style';

/** Per-graph memo of what its style was computed from (a restyle is then O(what changed)). */
interface StyleMemo {
  theme: Theme | null;
  perspective: ReturnType<typeof activePerspective> | undefined;
  /** The domain node each render node was last styled from (same object: same caption and label). */
  from: Map<string, GraphNode>;
  pinned: ReadonlySet<string> | null;
  /** What the graph was last synced from (SyncOptions.source), if told. */
  source: readonly unknown[] | null;
}
const memos = new WeakMap<RenderGraph, StyleMemo>();

export function memoOf(graph: RenderGraph): StyleMemo {
  let m = memos.get(graph);
  if (!m) memos.set(graph, (m = { theme: null, perspective: undefined, from: new Map(), pinned: null, source: null }));
  return m;
}

/**
 * Brings one node's display attributes in line: caption, label and colour from `n` when given
 * (else they are current; `recolour` after a theme switch), size and pin. Writes (one graph
 * event) only when something changed.
 */
export function styleNode(
  graph: RenderGraph,
  id: string,
  n: GraphNode | null,
  opts: Pick<SyncOptions, 'theme' | 'pinned'>,
  ranges: ReadonlyMap<string, { min: number; max: number }> | null,
  recolour = false,
): void {
  const a = graph.getNodeAttributes(id);
  const nodeLabel = n ? primaryLabel(n.labels) : a.nodeLabel;
  const label = n ? displayCaption(n) : a.label;
  const props = n ? n.properties : a.props;
  const degree = graph.degree(id);
  const size = ranges ? nodeSizeFor(nodeLabel, degree, props, ranges.get(nodeLabel)) : nodeSize(degree);
  const color = n || recolour ? labelColor(nodeLabel, opts.theme) : a.color;
  const fixed = opts.pinned.has(id);
  if (
    a.nodeLabel !== nodeLabel ||
    a.label !== label ||
    a.props !== props ||
    a.size !== size ||
    a.color !== color ||
    a.fixed !== fixed
  )
    graph.mergeNodeAttributes(id, { nodeLabel, label, props, size, color, fixed });
}

/** Colours, captions, sizes and weights of every edge (theme or perspective changed). O(edges). */
export function styleEdges(graph: RenderGraph, theme: Theme): void {
  const p = activePerspective();
  graph.forEachEdge((id, a) => {
    const color = edgeColor(a.relType, theme);
    const caption = edgeLabelOf(p, a.relType, a.props);
    const size = edgeSize(a.relType);
    const weight = edgeWeight(a.relType);
    if (a.color !== color || a.caption !== caption || a.size !== size || a.weight !== weight)
      graph.mergeEdgeAttributes(id, { color, caption, size, weight });
  });
}

/** Re-applies colours, captions, sizes and pins to everything (a theme switch). O(nodes + edges); writes only what changed. */
export function restyle(graph: RenderGraph, opts: Pick<SyncOptions, 'theme' | 'pinned'>): void {
  batchRenderGraph(graph, () => {
    const memo = memoOf(graph);
    memo.theme = opts.theme;
    memo.perspective = activePerspective();
    const ranges = sizeRanges(null, graph);
    graph.forEachNode((id) => styleNode(graph, id, null, opts, ranges, true));
    styleEdges(graph, opts.theme);
  });
}

/** Whether some label's size follows a property (its extent over every drawn node). */
export function hasSizeRules(): boolean {
  return !!activePerspective()?.labels.some((l) => l.size.by !== 'degree');
}

/**
 * Per label whose size follows a property, that property's extent over the drawn nodes; null
 * when no label has such a rule (the usual case: sizes by degree). O(nodes) then.
 */
export function sizeRanges(
  nodes: readonly GraphNode[] | null,
  graph?: RenderGraph,
): Map<string, { min: number; max: number }> | null {
  if (!hasSizeRules()) return null;
  const out = new Map<string, { min: number; max: number }>();
  const add = (nodeLabel: string, props: Readonly<Record<string, unknown>>) => {
    const k = sizeProperty(nodeLabel);
    const v = k ? props[k] : undefined;
    if (typeof v !== 'number' || !Number.isFinite(v)) return;
    const r = out.get(nodeLabel);
    if (!r) out.set(nodeLabel, { min: v, max: v });
    else {
      r.min = Math.min(r.min, v);
      r.max = Math.max(r.max, v);
    }
  };
  if (nodes) for (const n of nodes) add(primaryLabel(n.labels), n.properties);
  else graph?.forEachNode((_id, a) => add(a.nodeLabel, a.props));
  return out;
}
