import type { Node, Relationship } from 'neo4j-driver';
import { OVERVIEW_WHOLE_GRAPH_MAX, type OverviewResponse } from '../../../shared/api/overview';
import { num } from '../../db/convert';
import { GraphCollector } from '../../db/graph';
import { int, readQuery, type Db } from '../../db/runner';
import { quoteToken } from '../perspectives/sample';

const REL_CAP = 20_000;
/** Nodes of each label whose degree is looked at (the first in the label's scan order). */
export const OVERVIEW_POOL = 500;
/** Labels sampled (db.labels() order); a graph with more shows the first ones. */
export const OVERVIEW_LABELS_MAX = 50;
/** Relationships of each sampled node looked at for links among the sample (either end finds a link). */
const PER_NODE = 200;
/** Leaves (degree 1) of one neighbour at most: a hub's leaves cannot take the whole budget. */
export const leafCap = (top: number) => Math.max(10, Math.round(top / 10));

/**
 * One statement. Counts come from the count store. A graph of at most `wholeMax` nodes is returned
 * whole. A bigger one is sampled across labels: per label, up to OVERVIEW_POOL nodes ranked by degree;
 * then every label's best, every label's second best, … (so a small label is not crowded out by a
 * big one), at most leafCap leaves per neighbour, `top` nodes in all; then the relationships among
 * them. Labels are written literally (from db.labels(), never from a request) so each pool is a label
 * scan: Neo4j 5.26 plans a dynamic label as a scan of all nodes.
 */
export function overviewCypher(labels: readonly string[]): string {
  const pools = labels.length
    ? labels
        .slice(0, OVERVIEW_LABELS_MAX)
        .map((l, i) => `    MATCH (n:${quoteToken(l)}) WITH n LIMIT $pool RETURN n, ${i} AS li`)
        .join('\n    UNION ALL\n')
    : '    MATCH (n) WITH n LIMIT $pool RETURN n, 0 AS li';
  return `
CALL () { MATCH (n) RETURN count(n) AS total }
CALL () { MATCH ()-[r]->() RETURN count(r) AS totalRels }
WITH total, totalRels, total <= $wholeMax AS whole
CALL (whole) {
  UNWIND CASE WHEN whole THEN [true] ELSE [] END AS go
  MATCH (n)
  WITH n ORDER BY elementId(n)
  RETURN collect(n) AS everything
}
CALL (everything) {
  UNWIND everything AS a
  MATCH (a)-[r]->()
  WITH r LIMIT $relCap
  RETURN collect(r) AS wholeRels
}
CALL (whole) {
  UNWIND CASE WHEN whole THEN [] ELSE [true] END AS go
  CALL () {
${pools}
  }
  WITH li, n, COUNT { (n)--() } AS deg
  ORDER BY deg DESC, elementId(n)
  WITH li, collect({n: n, deg: deg})[..$top] AS ranked
  UNWIND range(0, size(ranked) - 1) AS rank
  WITH ranked[rank].n AS n, ranked[rank].deg AS deg, rank
  WITH n, deg, rank, CASE WHEN deg = 1 THEN [(n)--(m) | elementId(m)][0] END AS via
  ORDER BY rank, deg DESC, elementId(n)
  WITH via, collect({n: n, rank: rank, deg: deg}) AS group
  UNWIND CASE WHEN via IS NULL THEN group ELSE group[..$leafCap] END AS x
  WITH x ORDER BY x.rank, x.deg DESC, elementId(x.n)
  WITH collect(DISTINCT x.n) AS sampled
  RETURN sampled[..$top] AS sampled
}
CALL (sampled) {
  UNWIND sampled AS a
  CALL (a, sampled) {
    MATCH (a)-[r]-(b)
    WITH r, b LIMIT $perNode
    WHERE b IN sampled
    RETURN r
  }
  WITH DISTINCT r LIMIT $relCap
  RETURN collect(r) AS sampledRels
}
RETURN total, totalRels, whole, everything + sampled AS nodes, wholeRels + sampledRels AS rels`;
}

/**
 * The starting graph: everything when the database has at most 2,000 nodes, else a sample of `top`
 * nodes across its labels (`labels`: those in use) and the relationships among them. Cost: O(nodes)
 * on a small graph; on a big one bounded by labels × OVERVIEW_POOL degree lookups and `top` × PER_NODE
 * relationships, whatever the graph's size. One round trip.
 */
export async function overview(db: Db, top: number, labels: readonly string[]): Promise<OverviewResponse> {
  const t0 = performance.now();
  const r = await readQuery(
    db,
    overviewCypher(labels),
    {
      wholeMax: int(OVERVIEW_WHOLE_GRAPH_MAX),
      top: int(top),
      relCap: int(REL_CAP),
      pool: int(OVERVIEW_POOL),
      leafCap: int(leafCap(top)),
      perNode: int(PER_NODE),
    },
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
    mode: rec.get('whole') ? 'whole' : 'sample',
    totals,
    truncated: payload.nodes.length < totals.nodes || payload.edges.length < totals.relationships,
    tookMs: Math.round(performance.now() - t0),
  };
}
