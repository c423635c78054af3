import type { Node, Record as Neo4jRecord } from 'neo4j-driver';
import type { Perspective } from '../../../shared/api/perspectives';
import type { SearchHit, SearchHitKind, SearchQuery, SearchResponse } from '../../../shared/api/search';
import { ARTICLE, arrange, byKind, CLAIM, indexKind, kindOf, room } from './rank';
import type { Catalog, IndexInfo } from '../../db/catalog';
import { num } from '../../db/convert';
import { toGraphNode } from '../../db/graph';
import { latin, luceneQuery, searchTerms } from './lucene';
import { romanisationVariants } from '../../../ingest/link/transliteration';
import { int, readQuery, type Db } from '../../db/runner';
import { CLAIMANT, fuzzyScanCypher, indexStatement, SCAN_CYPHER } from './scan';

/** Above this many nodes the fallback scan drops typo matching (its cost grows with words × length). */
export const FUZZY_SCAN_MAX_NODES = 50_000;

// The searched texts of a node: the perspective's properties (strings, lists of strings, numbers).
const TEXTS = (v: string) => `[t IN reduce(acc = [], x IN [k IN $props | ${v}[k]] |
    acc + CASE WHEN x IS :: STRING NOT NULL THEN [x]
               WHEN x IS :: LIST<STRING NOT NULL> NOT NULL THEN x
               WHEN x IS :: INTEGER NOT NULL OR x IS :: FLOAT NOT NULL THEN [toString(x)]
               ELSE [] END) | toLower(t)]`;

// Full-text: Lucene score, but a node whose searched text equals the query always ranks first.
// Who made a claim is read for the page only (one MADE relationship per claim).
const FULLTEXT = `
CALL db.index.fulltext.queryNodes($index, $lucene, {limit: $fetch}) YIELD node, score
WHERE $labels IS NULL OR any(l IN labels(node) WHERE l IN $labels)
WITH node, score, ${TEXTS('node')} AS texts
WITH node, score, $ql IN texts AS exact
ORDER BY exact DESC, score DESC, elementId(node)
LIMIT $limit
RETURN node, score, exact, ${CLAIMANT('node')} AS claimant
ORDER BY exact DESC, score DESC, elementId(node)`;

/** An index over claims only or articles only: of no use to a label filter that leaves that label out. */
const leftOut = (i: IndexInfo, labels: readonly string[] | null) =>
  !!labels &&
  i.labelsOrTypes.length === 1 &&
  [CLAIM, ARTICLE].includes(i.labelsOrTypes[0]!) &&
  !labels.includes(i.labelsOrTypes[0]!);

/** Online full-text node indexes search may use: the perspective's first, then any covering its properties. */
export function usableIndexes(p: Perspective, all: readonly IndexInfo[]): IndexInfo[] {
  const online = all.filter((i) => i.type === 'FULLTEXT' && i.entityType === 'NODE' && i.state === 'ONLINE');
  const named = p.search.indexes.map((n) => online.find((i) => i.name === n)).filter((i): i is IndexInfo => !!i);
  if (named.length) return named;
  // Unnamed: only an index on the perspective's labels (one on labels with no nodes left finds nothing).
  const shown = new Set(p.labels.map((l) => l.label));
  return online
    .filter(
      (i) => i.properties.some((k) => p.search.properties.includes(k)) && i.labelsOrTypes.some((l) => shown.has(l)),
    )
    .slice(0, 3);
}

/**
 * Ranked search over the perspective's properties. With full-text indexes online: one Lucene query
 * per index (prefix and fuzzy terms), merged. Without: a scan of every node (cost O(nodes)) with
 * prefix and one-typo matching on graphs up to FUZZY_SCAN_MAX_NODES, substring matching above,
 * and a note with the statement that would create an index. A failing full-text call (index
 * dropped meanwhile) invalidates the catalog and falls back to the scan.
 */
export async function searchNodes(db: Db, catalog: Catalog, p: Perspective, q: SearchQuery): Promise<SearchResponse> {
  const t0 = performance.now();
  const ql = q.q.toLowerCase();
  const labels = q.labels ?? null;
  const props = p.search.properties;
  // A claims-only or articles-only index when the label filter leaves that label out ("same kind only"
  // pickers): no need to ask it (unless nothing else is left, then the filter finds nothing anyway).
  const usable = usableIndexes(p, await catalog.indexes());
  const asked = usable.filter((i) => !leftOut(i, labels));
  const indexes = asked.length ? asked : usable;
  const lucene = luceneQuery(q.q);
  let records: Neo4jRecord[] | null = null;
  let used: string[] = [];
  // Only punctuation ("%", "((("): nothing to look up, and no reason to scan or to say an index is missing.
  if (indexes.length && !lucene) {
    records = [];
    used = indexes.map((i) => i.name);
  }
  if (indexes.length && lucene) {
    try {
      const all: Neo4jRecord[] = [];
      const found = new Map<string, SearchHitKind>();
      // Articles' and claims' indexes are asked last, each for no more than the page could keep of them.
      for (const index of byKind(indexes)) {
        const wanted = room(indexKind(index), found, q.limit);
        if (!wanted) continue;
        const r = await readQuery(db, FULLTEXT, {
          index: index.name,
          lucene,
          ql,
          labels,
          props,
          fetch: int(labels ? wanted * 5 : wanted * 2),
          limit: int(wanted),
        });
        for (const rec of r.records) {
          const node = rec.get('node') as Node;
          found.set(node.elementId, kindOf(node.labels));
        }
        all.push(...r.records);
      }
      records = mergeHits(all);
      used = indexes.map((i) => i.name);
    } catch (e) {
      if (!isMissingIndex(e)) throw e;
      catalog.invalidate();
    }
  }
  let fuzzy = records !== null;
  let note: string | null = null;
  let createIndex: string | null = null;
  if (!records) {
    const nodes = num((await readQuery(db, 'MATCH (n) RETURN count(n) AS c')).records[0]?.get('c'));
    fuzzy = nodes <= FUZZY_SCAN_MAX_NODES;
    const terms = searchTerms(q.q);
    const variants = Object.fromEntries(terms.map((t) => [t, romanisationVariants(latin(t) ?? t)]));
    const params = { ql, terms, variants, labels, props, limit: int(q.limit) };
    const r = await readQuery(db, fuzzy ? fuzzyScanCypher(TEXTS('n')) : SCAN_CYPHER(TEXTS('n')), params, {
      timeoutMs: 15_000,
    });
    records = r.records;
    createIndex = indexStatement(p);
    note =
      `No full-text index covers ${props.join(', ')}: search scans all ${nodes.toLocaleString('en-GB')} nodes` +
      (fuzzy
        ? ', with prefix and one-typo matching.'
        : ' for the text as typed (no typo matching on a graph this size).') +
      ' An index makes it fast and fuzzy at any size; newsgraph does not create one in a database it did not seed.';
  }
  const hits = arrange(
    records.map((rec): SearchHit => {
      const node = toGraphNode(rec.get('node') as Node);
      const claimant = rec.get('claimant') as unknown;
      return {
        kind: kindOf(node.labels),
        node,
        score: num(rec.get('score')),
        exact: rec.get('exact') === true,
        claimant: typeof claimant === 'string' && claimant ? claimant : null,
      };
    }),
    q.limit,
  );
  return {
    query: q.q,
    mode: used.length ? 'fulltext' : 'scan',
    indexes: used,
    properties: props,
    fuzzy,
    note,
    createIndex,
    hits,
    tookMs: Math.round(performance.now() - t0),
  };
}

/** Hits of several indexes: one per node (its best), exact first, then by score (before `arrange`: all of them). */
function mergeHits(records: Neo4jRecord[]): Neo4jRecord[] {
  const best = new Map<string, Neo4jRecord>();
  for (const r of records) {
    const id = (r.get('node') as Node).elementId;
    const prev = best.get(id);
    if (!prev || num(r.get('score')) > num(prev.get('score'))) best.set(id, r);
  }
  return [...best.values()].sort(
    (a, b) =>
      Number(b.get('exact') === true) - Number(a.get('exact') === true) ||
      num(b.get('score')) - num(a.get('score')) ||
      (a.get('node') as Node).elementId.localeCompare((b.get('node') as Node).elementId),
  );
}

function isMissingIndex(e: unknown): boolean {
  const code = (e as { code?: string })?.code ?? '';
  const msg = (e as { message?: string })?.message ?? '';
  return (
    code.startsWith('Neo.ClientError.Procedure') ||
    /no such .*index|index .*does not exist|There is no such fulltext/i.test(msg)
  );
}
