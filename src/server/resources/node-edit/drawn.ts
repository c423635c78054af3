/**
 * What a merge or its undo hands the explorer to draw at once, read in the write's own
 * transaction: some of the relationships it created, with both their ends, so the canvas shows
 * them without expanding the node again (and without reading the whole graph).
 */
import type { ManagedTransaction, Node, Relationship } from 'neo4j-driver';
import type { GraphEdge, GraphNode, GraphPayload } from '../../../shared/graph';
import { MERGE_DRAW_MAX } from '../../../shared/api/merge-caps';
import { toGraphEdge, toGraphNode } from '../../db/graph';

/**
 * Node `center` with the first MERGE_DRAW_MAX of relationships `ids` and their ends.
 * Cost: one element-id seek per relationship drawn.
 */
export async function drawnPayload(
  tx: ManagedTransaction,
  center: string,
  ids: readonly string[],
): Promise<GraphPayload> {
  const nodes = new Map<string, GraphNode>();
  const edges: GraphEdge[] = [];
  const c = await tx.run('MATCH (n) WHERE elementId(n) = $center RETURN n', { center });
  for (const r of c.records) {
    const n = r.get('n') as Node;
    nodes.set(n.elementId, toGraphNode(n));
  }
  const res = await tx.run('MATCH (a)-[r]->(b) WHERE elementId(r) IN $ids RETURN a, r, b', {
    ids: ids.slice(0, MERGE_DRAW_MAX),
  });
  for (const rec of res.records) {
    for (const k of ['a', 'b']) {
      const n = rec.get(k) as Node;
      if (!nodes.has(n.elementId)) nodes.set(n.elementId, toGraphNode(n));
    }
    edges.push(toGraphEdge(rec.get('r') as Relationship));
  }
  return { nodes: [...nodes.values()], edges };
}
