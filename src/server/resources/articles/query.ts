import type { ArticleEvidenceResponse } from '../../../shared/api/articles';
import { articleDating } from '../../db/article-ref';
import { numOrNull, strOrNull, toJson } from '../../db/convert';
import { cypherDate } from '../../db/fragments';
import { nodeCaption, nodeKey } from '../../db/graph';
import { int, readQuery, type Db } from '../../db/runner';
import { notFound } from '../../http/errors';
import { excerptFor } from './excerpt';

/**
 * GET /api/articles/{id}/evidence?start=&end= — the evidence reader. Only spans that are evidence
 * in the graph can be opened, and only a bounded window of text comes back, so the endpoint
 * cannot be used to read whole articles out of ARTICLES_DIR.
 */

const MAX_MENTIONED_ENTITIES = 500;

/** Where in a relationship `r` the span of article `a` is evidence: its quote, or nothing. */
const QUOTES_OF_R = `
    WITH a, r, CASE WHEN r.evidence_articles IS :: LIST<ANY> NOT NULL THEN size(r.evidence_articles) ELSE 0 END AS n
    UNWIND [i IN range(0, n - 1)
              WHERE r.evidence_articles[i] = a.id AND r.evidence_starts[i] = $start AND r.evidence_ends[i] = $end
              | r.evidence_quotes[i]]
           + CASE WHEN r.article = a.id AND r.start = $start AND r.end = $end THEN [r.quote] ELSE [] END AS quote
    RETURN quote`;

/**
 * The article, its mentioned entities and the quote when it lies where a quote of the article can
 * be found without a search: the relationship or claim the client names (`via`, what the explorer
 * sends), the article's own relationships (mentions, the claims it reports, byline) and its claims'
 * relationships (MADE, ABOUT, CONTRADICTS). O(the article's neighbourhood).
 */
const EVIDENCE_CYPHER = `
MATCH (a:Article) WHERE elementId(a) = $id OR a.id = $id
WITH a LIMIT 1
CALL (a) {
  CALL (a) {
    CALL (a) {
      MATCH ()-[r]->() WHERE elementId(r) = $via RETURN r
      UNION
      MATCH (a)-[r]-() RETURN r
      UNION
      MATCH (a)-[:REPORTS]->(:Claim)-[r]-() RETURN r
    }
${QUOTES_OF_R}
    UNION
    MATCH (c:Claim) WHERE elementId(c) = $via AND c.article = a.id AND c.start = $start AND c.end = $end
    RETURN c.quote AS quote
    UNION
    MATCH (a)-[:REPORTS]->(c:Claim) WHERE c.article = a.id AND c.start = $start AND c.end = $end
    RETURN c.quote AS quote
  }
  RETURN collect(quote)[0] AS quote
}
CALL (a) {
  MATCH (a)-[m:MENTIONS]->(e)
  WITH e, collect(m.quote) AS forms LIMIT ${MAX_MENTIONED_ENTITIES}
  RETURN collect({ node: e, forms: forms }) AS mentioned
}
RETURN a, ${cypherDate('a.published')} AS published, quote, mentioned`;

/**
 * Elsewhere: every relationship and claim, O(graph). Only when the span is not near the article
 * (a fact between entities the article does not mention, asked for without `via`, or no evidence).
 */
const EVIDENCE_SEARCH_CYPHER = `
MATCH (a:Article) WHERE elementId(a) = $article
CALL (a) {
  CALL (a) {
    MATCH ()-[r]->()
${QUOTES_OF_R}
    UNION
    MATCH (c:Claim)
    WHERE c.article = a.id AND c.start = $start AND c.end = $end
    RETURN c.quote AS quote
  }
  RETURN collect(quote)[0] AS quote
}
RETURN quote`;

interface NodeLike {
  elementId: string;
  labels: string[];
  properties: Record<string, unknown>;
}

/**
 * Loads the evidence and its excerpt. Cost: one round trip over the article's neighbourhood (and the
 * `via` element) + one file read; a span not found there costs a second round trip that reads every
 * relationship.
 */
export async function loadArticleEvidence(
  db: Db,
  articlesDir: string | readonly string[],
  id: string,
  start: number,
  end: number,
  via = '',
): Promise<ArticleEvidenceResponse> {
  const t0 = performance.now();
  const span = { start: int(start), end: int(end) };
  const metadata = { endpoint: 'article-evidence' };
  const res = await readQuery(db, EVIDENCE_CYPHER, { id, via, ...span }, { metadata });
  const row = res.records[0];
  if (!row) throw notFound(`No article with id "${id}".`);
  const a = row.get('a') as NodeLike;
  const quote =
    strOrNull(row.get('quote')) ??
    strOrNull(
      (await readQuery(db, EVIDENCE_SEARCH_CYPHER, { article: a.elementId, ...span }, { metadata })).records[0]?.get(
        'quote',
      ),
    );
  if (quote === null)
    throw notFound(
      `Characters ${start}–${end} of this article are not evidence in the graph; only evidence quotes can be opened.`,
    );
  const mentioned = (row.get('mentioned') as { node: NodeLike; forms: unknown[] }[]).map(({ node, forms }) => {
    const p = node.properties;
    const aliases = Array.isArray(p.aliases) ? p.aliases.filter((x): x is string => typeof x === 'string') : [];
    const name = strOrNull(p.name);
    return {
      ref: { id: node.elementId, key: nodeKey(p), caption: nodeCaption(p, node.elementId), labels: [...node.labels] },
      forms: [...forms.filter((x): x is string => typeof x === 'string'), ...aliases, ...(name ? [name] : [])],
    };
  });
  const p = a.properties;
  const authors = toJson(p.authors);
  return {
    article: {
      id: a.elementId,
      key: nodeKey(p),
      title: nodeCaption(p, a.elementId),
      outlet: strOrNull(p.outlet),
      published: strOrNull(row.get('published')),
      ...articleDating(p),
      authors: Array.isArray(authors) ? authors.filter((x): x is string => typeof x === 'string') : [],
      length: p.length === undefined ? null : numOrNull(p.length),
      url: webUrl(strOrNull(p.url)),
    },
    quote,
    start,
    end,
    excerpt: await excerptFor(articlesDir, p, quote, start, end, mentioned),
    tookMs: Math.round(performance.now() - t0),
  };
}

/** An http(s) address, or null: the reader links to it, so nothing else (javascript:, data:) passes. */
function webUrl(u: string | null): string | null {
  if (!u) return null;
  try {
    const parsed = new URL(u);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}
