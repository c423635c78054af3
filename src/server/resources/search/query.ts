import type { Node, Record as Neo4jRecord } from 'neo4j-driver';
import type { Perspective } from '../../../shared/api/perspectives';
import type { SearchHit, SearchHitKind, SearchQuery, SearchResponse } from '../../../shared/api/search';
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

/** The label of newsgraph's claims: a hit with it is a claim, found by what it says (its statement). */
const CLAIM = 'Claim';
/** The label of newsgraph's articles: a hit with it is an article, found by its title or outlet. */
const ARTICLE = 'Article';
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
  return online.filter((i) => i.properties.some((k) => p.search.properties.includes(k))).slice(0, 3);
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
      for (const index of indexes) {
        const r = await readQuery(db, FULLTEXT, {
          index: index.name,
          lucene,
          ql,
          labels,
          props,
          fetch: int(labels ? q.limit * 5 : q.limit * 2),
          limit: int(q.limit),
        });
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

/**
 * A node with the claim label is a claim hit, one with the article label an article hit (the explorer
 * shows each as such); any other, a node.
 */
export const kindOf = (labels: readonly string[]): SearchHitKind =>
  labels.includes(CLAIM) ? 'claim' : labels.includes(ARTICLE) ? 'article' : 'node';

/**
 * The page: exact matches first, then other nodes, then articles, then claims, each in its own order.
 * Claims are many and long, so a word of a name ("Gladkov") also occurs in several; article titles
 * are short, so Lucene scores a name in one ("Belgorod") as high as the entity, and one outlet has
 * many articles. Both come after the nodes, so a name still finds its entity first, but keep places
 * (claims a third, articles a fifth, or what the nodes leave) so a phrase of one finds it. Articles
 * go before claims: a title is few words the journalist types as they read it, and there are fewer.
 * Exact matches move up last, in that same order, so an exact entity stays above an exact title.
 */
export function arrange(hits: readonly SearchHit[], limit: number): SearchHit[] {
  const nodes = hits.filter((h) => h.kind === 'node');
  const articles = hits.filter((h) => h.kind === 'article');
  const claims = hits.filter((h) => h.kind === 'claim');
  const forArticles = Math.min(articles.length, Math.floor(limit / 5));
  const forClaims = Math.min(claims.length, Math.floor(limit / 3));
  const n = Math.min(nodes.length, limit - forArticles - forClaims);
  const a = Math.min(articles.length, limit - n - forClaims);
  const page = [...nodes.slice(0, n), ...articles.slice(0, a), ...claims.slice(0, limit - n - a)];
  return page.sort((x, y) => Number(y.exact) - Number(x.exact));
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
