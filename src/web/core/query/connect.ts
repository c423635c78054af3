/**
 * "Connect result nodes" for query results (Neo4j Browser's default): after a query, the
 * relationships among the nodes it returned — and, when the result joins the current graph,
 * between them and the nodes already shown — are drawn too, fetched with POST /api/edges/between
 * and capped. Pure (unit-tested in Node).
 */
import type { GraphEdge, GraphPayload } from '../../../shared/graph';
import type { GraphState } from '../graph/graph-store';

/**
 * What to ask: every result node (`nodes`), and the loaded nodes not in the result when the
 * result joins the view (`among`). Null when nothing could connect (one node, nothing else
 * loaded). Lists are cut to the endpoint's caps; `cut` says so.
 */
export function resultConnectRequest(
  payload: GraphPayload,
  current: GraphState | null,
  caps: { nodes: number; among: number },
): { nodes: string[]; among: string[]; cut: boolean } | null {
  const ids = [...new Set(payload.nodes.map((n) => n.id))];
  const inResult = new Set(ids);
  const among = current ? [...current.nodes.keys()].filter((id) => !inResult.has(id)) : [];
  if (ids.length === 0 || ids.length + among.length < 2) return null;
  return {
    nodes: ids.slice(0, caps.nodes),
    among: among.slice(0, caps.among),
    cut: ids.length > caps.nodes || among.length > caps.among,
  };
}

/** The result with the connecting relationships it did not already hold. O(edges). */
export function withConnecting(
  payload: GraphPayload,
  edges: readonly GraphEdge[],
): { graph: GraphPayload; added: number } {
  const have = new Set(payload.edges.map((e) => e.id));
  const extra = edges.filter((e) => !have.has(e.id));
  return extra.length
    ? { graph: { nodes: payload.nodes, edges: [...payload.edges, ...extra] }, added: extra.length }
    : { graph: payload, added: 0 };
}

/**
 * The status line after a run. Its counts are the result's, as the table above it says; the links
 * drawn between result nodes by "Connect result nodes" are named apart, not folded in.
 */
export function resultStatus(title: string, nodes: number, edges: number, connecting: number, added: boolean): string {
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const extra = connecting ? ` (+${plural(connecting, 'connecting link', 'connecting links')})` : '';
  return `${title}: ${plural(nodes, 'node', 'nodes')}, ${plural(edges, 'relationship', 'relationships')}${extra}${added ? ' added' : ''}.`;
}
