import type { Node, Relationship } from 'neo4j-driver';
import { OVERVIEW_WHOLE_GRAPH_MAX, type OverviewResponse } from '../../../shared/api/overview';
import { num } from '../../db/convert';
import { GraphCollector } from '../../db/graph';
import { int, readQuery, type Db } from '../../db/runner';

const REL_CAP = 20_000;

// Counts come from the count store; ranking by degree happens only on graphs too big to show.
const OVERVIEW = `
CALL () { MATCH (n) RETURN count(n) AS total }
CALL () { MATCH ()-[r]->() RETURN count(r) AS totalRels }
WITH total, totalRels, total <= $wholeMax AS whole
CALL (whole) {
  MATCH (n)
  WITH n, CASE WHEN whole THEN 0 ELSE COUNT { (n)--() } END AS deg
  ORDER BY deg DESC, elementId(n)
  LIMIT $wholeMax
  WITH collect(n) AS ranked
  RETURN CASE WHEN whole THEN ranked ELSE ranked[..$top] END AS nodes
}
CALL (nodes, whole) {
  UNWIND nodes AS a
  MATCH (a)-[r]->(b)
  WHERE whole OR b IN nodes
  WITH r LIMIT $relCap
  RETURN collect(r) AS rels
}
RETURN total, totalRels, whole, nodes, rels`;

/**
 * The starting graph: everything when the database has at most 2,000 nodes, else the `top`
 * best-connected nodes and the relationships among them. Cost: O(nodes) (+ a degree lookup per
 * node on large graphs); one round trip.
 */
export async function overview(db: Db, top: number): Promise<OverviewResponse> {
  const t0 = performance.now();
  const r = await readQuery(
    db,
    OVERVIEW,
    { wholeMax: int(OVERVIEW_WHOLE_GRAPH_MAX), top: int(top), relCap: int(REL_CAP) },
    { timeoutMs: 30_000 },
  );
  const rec = r.records[0]!;
  const g = new GraphCollector();
  for (const n of rec.get('nodes') as Node[]) g.addNode(n);
  const rels = rec.get('rels') as Relationship[];
  for (const e of rels) g.addEdge(e);
  const payload = g.payload();
  const totals = { nodes: num(rec.get('total')), relationships: num(rec.get('totalRels')) };
  return {
    ...payload,
    mode: rec.get('whole') ? 'whole' : 'top-degree',
    totals,
    truncated: payload.nodes.length < totals.nodes || payload.edges.length < totals.relationships,
    tookMs: Math.round(performance.now() - t0),
  };
}
