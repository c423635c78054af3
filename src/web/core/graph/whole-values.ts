/**
 * Exports hold what the database holds: list payloads cut long strings (an item's `clipped` names
 * them, with their full lengths), so before a GEXF or JSON export the cut values of what is on
 * screen are fetched whole (GET /api/values, VALUES_PAGE ids of each kind per request). Pure apart
 * from the injected fetch; unit-tested in Node.
 */
import type { ValuesQuery, ValuesResponse } from '../../../shared/api/values';
import type { GraphEdge, GraphNode } from '../../../shared/graph';

/** Most ids of each kind per request (the route's cap: they travel in the URL). */
export const VALUES_PAGE = 100;

export type FetchValues = (q: ValuesQuery) => Promise<ValuesResponse>;

type Item = GraphNode | GraphEdge;

/** The item with the fetched values put back; what is still missing (deleted since) stays cut and marked. */
function restored<T extends Item>(item: T, whole: Record<string, string> | undefined): T {
  if (!item.clipped || !whole) return item;
  const properties = { ...item.properties };
  const clipped: Record<string, number> = {};
  for (const [k, length] of Object.entries(item.clipped)) {
    const v = whole[k];
    if (v === undefined) clipped[k] = length;
    else properties[k] = v;
  }
  const { clipped: _cut, ...rest } = item;
  return (Object.keys(clipped).length ? { ...rest, properties, clipped } : { ...rest, properties }) as T;
}

/**
 * The graph with every cut value whole again. Only items with `clipped` are asked for, so a view
 * without long values costs no request; otherwise ⌈cut items / VALUES_PAGE⌉ requests, one at a time.
 */
export async function withWholeValues(
  graph: { nodes: readonly GraphNode[]; edges: readonly GraphEdge[] },
  fetchValues: FetchValues,
): Promise<{ nodes: GraphNode[]; edges: GraphEdge[] }> {
  const cutNodes = graph.nodes.filter((n) => n.clipped).map((n) => n.id);
  const cutEdges = graph.edges.filter((e) => e.clipped).map((e) => e.id);
  const nodeValues = new Map<string, Record<string, string>>();
  const edgeValues = new Map<string, Record<string, string>>();
  for (let i = 0; i < Math.max(cutNodes.length, cutEdges.length); i += VALUES_PAGE) {
    const nodes = cutNodes.slice(i, i + VALUES_PAGE);
    const relationships = cutEdges.slice(i, i + VALUES_PAGE);
    const r = await fetchValues({
      nodes: nodes.length ? nodes : undefined,
      relationships: relationships.length ? relationships : undefined,
    });
    for (const x of r.nodes) nodeValues.set(x.id, x.properties);
    for (const x of r.relationships) edgeValues.set(x.id, x.properties);
  }
  return {
    nodes: graph.nodes.map((n) => restored(n, nodeValues.get(n.id))),
    edges: graph.edges.map((e) => restored(e, edgeValues.get(e.id))),
  };
}

/** How many values are still cut (items deleted since they were loaded): the export says so. */
export function stillCut(graph: { nodes: readonly Item[]; edges: readonly Item[] }): number {
  let n = 0;
  for (const x of [...graph.nodes, ...graph.edges]) n += x.clipped ? Object.keys(x.clipped).length : 0;
  return n;
}
