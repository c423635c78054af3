/**
 * Batches of render-graph changes, announced to whoever draws the graph. Apart from the render
 * graph itself because sigma's controller needs only this, and every writer of the graph (sync,
 * restyle, layout) wraps its changes in it.
 */
import type { RenderGraph } from './render-graph';

/**
 * Graph events emitted around a batch of render-graph changes. The SigmaController suspends
 * sigma's per-item graph handlers between them and re-indexes the changed items once at the end:
 * sigma would otherwise run its reducers several times per added item, and a full re-index per
 * dropped one.
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
