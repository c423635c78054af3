/**
 * A loaded node brought up to date from a fresher read of it (its detail). Pure.
 */
import type { GraphNode } from '../../../shared/graph';
import type { GraphState } from './graph-store';
import { OverlayMap } from './overlay-map';

/**
 * Properties a node detail leaves out but graph payloads carry: the per-value source lists (the
 * detail sends them as `reported`), which the timeline reads from the graph's copy.
 */
const kept = (k: string) => k.startsWith('reported_');

/**
 * The graph with node `fresh.id` holding `fresh`'s labels, caption and properties (whole: the
 * detail clips nothing); the same state when the node is not loaded or nothing differs. O(1)
 * amortised (one overlay write, as a payload's newer copy is written).
 */
export function refreshNode(state: GraphState, fresh: GraphNode): GraphState {
  const cur = state.nodes.get(fresh.id);
  if (!cur) return state;
  const properties = { ...fresh.properties };
  for (const [k, v] of Object.entries(cur.properties)) if (kept(k) && !(k in properties)) properties[k] = v;
  const next: GraphNode = { id: cur.id, key: fresh.key, labels: fresh.labels, caption: fresh.caption, properties };
  const same = (a: GraphNode) =>
    JSON.stringify([a.key, a.labels, a.caption, a.properties, a.clipped ?? null]) ===
    JSON.stringify([next.key, next.labels, next.caption, next.properties, null]);
  if (same(cur)) return state;
  return { ...state, nodes: OverlayMap.with(state.nodes, [[cur.id, next]]) };
}
