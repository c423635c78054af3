/**
 * Parallel edges (same two nodes) in the render graph: curved so each stays visible and hoverable.
 * No sigma import: runs in Node tests.
 */
import type { RenderGraph } from './render-graph';

/** Re-curves each group of edges between the given pairs (either direction) once. O(groups). */
export function recurveGroups(graph: RenderGraph, pairs: readonly (readonly [string, string])[]): void {
  const curved = new Set<string>();
  for (const [s, t] of pairs) {
    const key = s < t ? `${s}\u0000${t}` : `${t}\u0000${s}`;
    if (curved.has(key)) continue;
    curved.add(key);
    curveGroup(graph, s, t);
  }
}

/**
 * Parallel edges (same two nodes) are curved so each stays visible and hoverable: edges in one
 * direction fan out symmetrically; when both directions exist each direction bends to its side.
 * Re-curves the group of edges between `s` and `t` (either direction). O(group).
 */
function curveGroup(graph: RenderGraph, s: string, t: string): void {
  if (!graph.hasNode(s) || !graph.hasNode(t)) return;
  // (Both directions.)
  const ids = graph.edges(s, t);
  ids.sort();
  const first = ids.length ? graph.source(ids[0]!) : s;
  const forward = ids.filter((id) => graph.source(id) === first);
  const backward = ids.filter((id) => graph.source(id) !== first);
  for (const dir of [forward, backward]) {
    dir.forEach((id, i) => {
      const curvature = ids.length === 1 ? 0 : backward.length === 0 ? 0.4 * (i - (dir.length - 1) / 2) : 0.2 + 0.3 * i;
      const type = ids.length === 1 ? 'arrow' : 'curvedArrow';
      const a = graph.getEdgeAttributes(id);
      // 'type' picks sigma's program: a change makes sigma re-index that edge.
      if (a.type !== type || a.curvature !== curvature) graph.mergeEdgeAttributes(id, { type, curvature });
    });
  }
}
