import type { Relationship } from 'neo4j-driver';
import type { EdgesBetweenResponse } from '../../../shared/api/edges';
import { toGraphEdge } from '../../db/graph';
import { int, readQuery, type Db } from '../../db/runner';

// Starts from the new nodes (element-id seeks) and walks only their relationships, so the cost is
// the new nodes' degrees, not the size of the view; `$all` is a list the planner turns into a
// hashed IN. DISTINCT: a relationship between two new nodes is found from both ends.
const EDGES_BETWEEN = `
UNWIND $nodes AS nid
MATCH (a) WHERE elementId(a) = nid
MATCH (a)-[r]-(b)
WHERE elementId(b) IN $all
WITH DISTINCT r
ORDER BY elementId(r)
LIMIT $upto
RETURN collect(r) AS rels`;

/**
 * Relationships with one end in `nodes` and the other in `nodes` ∪ `among` ("connect result
 * nodes"). Ids that match no node are ignored. Cost: one round trip; O(sum of the degrees of
 * `nodes`) relationships scanned, at most `limit` returned.
 */
export async function edgesBetween(
  db: Db,
  nodes: readonly string[],
  among: readonly string[],
  limit: number,
): Promise<EdgesBetweenResponse> {
  const uniqNodes = [...new Set(nodes)];
  const all = [...new Set([...uniqNodes, ...among])];
  const r = await readQuery(db, EDGES_BETWEEN, { nodes: uniqNodes, all, upto: int(limit + 1) }, { timeoutMs: 10_000 });
  const rels = (r.records[0]?.get('rels') as Relationship[] | undefined) ?? [];
  return { edges: rels.slice(0, limit).map((rel) => toGraphEdge(rel)), truncated: rels.length > limit, limit };
}
