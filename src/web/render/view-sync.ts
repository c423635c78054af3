/**
 * One step of the render pipeline, shared by RenderSync and the render bench: the store's graph
 * under the legend filter → the render graph. When the graph was last synced from `prev` (and
 * the same filter) and `next` only added data to it (an expansion, a page), only the added items
 * are visited: O(change). Otherwise, or when unsure, the whole visible view is synced: O(view).
 */
import type { GraphState } from '../core/graph/graph-store';
import { visibleGraph } from '../core/graph/graph-store';
import { viewChange } from '../core/graph/view-change';
import {
  syncRenderGraph,
  syncRenderGraphChange,
  type RenderGraph,
  type SyncOptions,
  type SyncResult,
} from './render-graph';

export function syncView(
  graph: RenderGraph,
  prev: GraphState | null,
  next: GraphState,
  hiddenLabels: ReadonlySet<string>,
  opts: Omit<SyncOptions, 'source'>,
): SyncResult & { by: 'change' | 'view' } {
  const source = [next, hiddenLabels];
  const change = prev && viewChange(prev, next, hiddenLabels);
  const done = change && syncRenderGraphChange(graph, { from: [prev, hiddenLabels], ...change }, { ...opts, source });
  if (done) return { ...done, by: 'change' };
  return { ...syncRenderGraph(graph, visibleGraph(next, hiddenLabels), { ...opts, source }), by: 'view' };
}
