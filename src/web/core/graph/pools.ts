/**
 * The graph store's pools (the data of every loaded node and edge) as layers come and go: adding
 * shares the old pools' data (older states, kept by undo, stay valid), removing rebuilds them.
 */
import type { GraphEdge, GraphNode, GraphPayload } from '../../../shared/graph';
import type { GraphState, Layer } from './graph-store';
import { OverlayMap } from './overlay-map';

/** Edges whose endpoints are both loaded (`nodes` holds the payload's nodes too); others cannot be drawn. */
function drawableEdges(payload: GraphPayload, nodes: ReadonlyMap<string, GraphNode>): GraphEdge[] {
  return payload.edges.filter((e) => nodes.has(e.source) && nodes.has(e.target));
}

export type Pools = { nodes: ReadonlyMap<string, GraphNode>; edges: ReadonlyMap<string, GraphEdge> };

/**
 * The pools with a payload's data set (newer copies win) and the edges that could be drawn.
 * O(payload) amortised: the new pools share the old ones' data (older states stay as they were).
 */
export function withPayload(state: GraphState, payload: GraphPayload): Pools & { edgeList: GraphEdge[] } {
  const nodes = OverlayMap.with(
    state.nodes,
    payload.nodes.map((n) => [n.id, n] as const),
  );
  const edgeList = drawableEdges(payload, nodes);
  const edges = OverlayMap.with(
    state.edges,
    edgeList.map((e) => [e.id, e] as const),
  );
  return { nodes, edges, edgeList };
}

/** Re-derives the pools from the layers: drops data no layer holds any more. O(size of layers). */
export function prune(state: GraphState, layers: readonly Layer[], pool: Pools): GraphState {
  const heldNodes = new Set<string>();
  const heldEdges = new Set<string>();
  for (const l of layers) {
    for (const id of l.nodeIds) heldNodes.add(id);
    for (const id of l.edgeIds) heldEdges.add(id);
  }
  const nodes = new Map<string, GraphNode>();
  for (const [id, n] of pool.nodes) if (heldNodes.has(id)) nodes.set(id, n);
  const edges = new Map<string, GraphEdge>();
  for (const [id, e] of pool.edges) {
    if (heldEdges.has(id) && nodes.has(e.source) && nodes.has(e.target)) edges.set(id, e);
  }
  return withPools(state, layers, { nodes, edges });
}

/** The state with new layers and pools; hidden and pinned nodes that left are forgotten. O(hidden + pinned). */
export function withPools(state: GraphState, layers: readonly Layer[], { nodes, edges }: Pools): GraphState {
  const keep = (s: ReadonlySet<string>) => {
    const out = new Set([...s].filter((id) => nodes.has(id)));
    return out.size === s.size ? s : out;
  };
  const pinned = keep(state.pinned);
  const pinnedAt =
    state.pinnedAt && pinned !== state.pinned
      ? new Map([...state.pinnedAt].filter(([id]) => pinned.has(id)))
      : state.pinnedAt;
  return { ...state, layers, nodes, edges, hidden: keep(state.hidden), pinned, ...(pinnedAt ? { pinnedAt } : {}) };
}
