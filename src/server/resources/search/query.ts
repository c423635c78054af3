import type { Node } from 'neo4j-driver';
import type { SearchHit, SearchQuery, SearchResponse } from '../../../shared/api/search';
import type { Catalog } from '../../db/catalog';
import { num } from '../../db/convert';
import { toGraphNode } from '../../db/graph';
import { luceneQuery, searchTerms } from './lucene';
import { int, readQuery, type Db } from '../../db/runner';

// Full-text: Lucene score, but a name or alias equal to the query always ranks first.
const FULLTEXT = `
CALL db.index.fulltext.queryNodes($index, $lucene, {limit: $fetch}) YIELD node, score
WHERE $labels IS NULL OR any(l IN labels(node) WHERE l IN $labels)
WITH node, score,
     [x IN [node.name] + CASE WHEN node.aliases IS :: LIST<STRING NOT NULL> NOT NULL THEN node.aliases ELSE [] END
        WHERE x IS :: STRING NOT NULL | toLower(x)] AS texts
RETURN node, score, $ql IN texts AS exact
ORDER BY exact DESC, score DESC, elementId(node)
LIMIT $limit`;

// Scan fallback for databases without the index: case-insensitive substring over name, title,
// id and aliases. Ranked exact > prefix > word prefix > substring > all words somewhere.
const SCAN = `
MATCH (n)
WHERE $labels IS NULL OR any(l IN labels(n) WHERE l IN $labels)
WITH n, [x IN [toStringOrNull(n.name), toStringOrNull(n.title), toStringOrNull(n.id)]
           + CASE WHEN n.aliases IS :: LIST<STRING NOT NULL> NOT NULL THEN n.aliases ELSE [] END
         WHERE x IS NOT NULL | toLower(x)] AS texts
WITH n, texts
WHERE any(t IN texts WHERE t CONTAINS $ql)
   OR (size($terms) > 1 AND all(w IN $terms WHERE any(t IN texts WHERE t CONTAINS w)))
WITH n, CASE
  WHEN $ql IN texts THEN 5.0
  WHEN any(t IN texts WHERE t STARTS WITH $ql) THEN 4.0
  WHEN any(t IN texts WHERE t CONTAINS (' ' + $ql)) THEN 3.0
  WHEN any(t IN texts WHERE t CONTAINS $ql) THEN 2.0
  ELSE 1.0 END AS score
RETURN n AS node, score, score = 5.0 AS exact
ORDER BY score DESC, size(coalesce(toStringOrNull(n.name), toStringOrNull(n.title), '')), elementId(n)
LIMIT $limit`;

/**
 * Ranked search over names and aliases. Uses the `entity_names` full-text index when it is online
 * (one round trip), else a scan of every node (cost O(nodes)). A failing full-text call (index
 * dropped meanwhile) invalidates the catalog and falls back to the scan.
 */
export async function searchNodes(db: Db, catalog: Catalog, q: SearchQuery): Promise<SearchResponse> {
  const t0 = performance.now();
  const ql = q.q.toLowerCase();
  const labels = q.labels ?? null;
  const index = await catalog.fulltextIndex();
  const lucene = luceneQuery(q.q);
  let mode: 'fulltext' | 'scan' = 'scan';
  let records;
  if (index && lucene) {
    try {
      const r = await readQuery(db, FULLTEXT, {
        index,
        lucene,
        ql,
        labels,
        fetch: int(labels ? q.limit * 5 : q.limit * 2),
        limit: int(q.limit),
      });
      records = r.records;
      mode = 'fulltext';
    } catch (e) {
      if (!isMissingIndex(e)) throw e;
      catalog.invalidate();
    }
  }
  if (!records) {
    const r = await readQuery(db, SCAN, { ql, terms: searchTerms(q.q), labels, limit: int(q.limit) });
    records = r.records;
  }
  const hits: SearchHit[] = records.map((rec) => ({
    node: toGraphNode(rec.get('node') as Node),
    score: num(rec.get('score')),
    exact: rec.get('exact') === true,
  }));
  return { query: q.q, mode, hits, tookMs: Math.round(performance.now() - t0) };
}

function isMissingIndex(e: unknown): boolean {
  const code = (e as { code?: string })?.code ?? '';
  const msg = (e as { message?: string })?.message ?? '';
  return (
    code.startsWith('Neo.ClientError.Procedure') ||
    /no such .*index|index .*does not exist|There is no such fulltext/i.test(msg)
  );
}
