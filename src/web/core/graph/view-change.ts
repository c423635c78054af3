/**
 * What a step added to the visible graph, when that is all it did: the render sync then visits
 * only those items instead of rescanning the whole view (an expansion at 20k loaded nodes).
 */
import type { GraphEdge, GraphNode } from '../../../shared/graph';
import { isShown, type GraphState } from './graph-store';
import { OverlayMap } from './overlay-map';

/** Items of the new view written since the old one (new, or loaded again with fresh data). */
export interface ViewChange {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

/**
 * The view of `next` as the view of `prev` (same legend filter) plus the returned items: the
 * visible nodes and edges written since `prev`, in pool order. Null when `next` is not `prev`
 * with data added (something left, hidden or pinned changed, an undo, a compacted pool) or a
 * refreshed node changes whether a label filter shows it. O(items written).
 */
export function viewChange(prev: GraphState, next: GraphState, hiddenLabels: ReadonlySet<string>): ViewChange | null {
  if (prev.hidden !== next.hidden || prev.pinned !== next.pinned) return null;
  const nodeIds = OverlayMap.writtenSince(next.nodes, prev.nodes);
  const edgeIds = nodeIds && OverlayMap.writtenSince(next.edges, prev.edges);
  if (!nodeIds || !edgeIds) return null;
  const shown = (n: GraphNode) => isShown(next, n, hiddenLabels);
  const nodes: GraphNode[] = [];
  for (const id of nodeIds) {
    const n = next.nodes.get(id)!;
    const was = prev.nodes.get(id);
    // (A node that was shown and is no longer would have to leave: not an addition.)
    if (was && was !== n && shown(was) !== shown(n)) return null;
    if (shown(n)) nodes.push(n);
  }
  const edges: GraphEdge[] = [];
  for (const id of edgeIds) {
    const e = next.edges.get(id)!;
    // (Ids keep their ends in Neo4j; were it otherwise, an edge hidden before could show now.)
    const was = prev.edges.get(id);
    if (was && (was.source !== e.source || was.target !== e.target)) return null;
    if (shown(next.nodes.get(e.source)!) && shown(next.nodes.get(e.target)!)) edges.push(e);
  }
  return { nodes, edges };
}
