/**
 * Search without a full-text index: a scan of every node over the perspective's properties.
 * `texts` is the Cypher expression of a node's searched texts, lower-cased (query.ts). Cypher has
 * no edit distance without plugins, so one typo — a substitution, insertion, deletion or
 * transposition — is spelled out below over each word (and each word's prefix).
 */
import type { Perspective } from '../../../shared/api/perspectives';

/** Characters that separate words in the searched texts (besides spaces). */
export const WORD_SEPARATORS = [',', '.', '-', '(', ')', "'", '"', ':', ';', '/', '!', '?', '&', '_', '’'];

/** Cypher: `a` and `b` (string expressions) are at most one edit apart. */
export function oneEdit(a: string, b: string): string {
  return `(
    (size(${a}) = size(${b}) AND size([i IN range(0, size(${a}) - 1) WHERE substring(${a}, i, 1) <> substring(${b}, i, 1)]) <= 1)
    OR (size(${a}) = size(${b}) + 1 AND any(i IN range(0, size(${b})) WHERE left(${a}, i) + substring(${a}, i + 1) = ${b}))
    OR (size(${b}) = size(${a}) + 1 AND any(i IN range(0, size(${a})) WHERE left(${b}, i) + substring(${b}, i + 1) = ${a}))
    OR (size(${a}) = size(${b}) AND any(i IN range(0, size(${a}) - 2) WHERE left(${a}, i) = left(${b}, i)
        AND substring(${a}, i, 1) = substring(${b}, i + 1, 1) AND substring(${a}, i + 1, 1) = substring(${b}, i, 1)
        AND substring(${a}, i + 2) = substring(${b}, i + 2)))
  )`;
}

/**
 * Cypher: the name of who made claim `v` (its MADE relationship), null for any other node. Read
 * after the page is cut, so for at most `limit` nodes.
 */
export const CLAIMANT = (v: string) =>
  `CASE WHEN ${v}:Claim THEN head([(${v})<-[:MADE]-(w) | coalesce(w.name, w.title, w.id)]) END`;

const LABELS = 'WHERE $labels IS NULL OR any(l IN labels(n) WHERE l IN $labels)';
const SEPARATORS = `[${WORD_SEPARATORS.map((c) => `'${c.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`).join(', ')}]`;

/**
 * Prefix and one-typo matching: every term of the query must start a word, occur in a text, or
 * be one edit from a word or a word's beginning (terms of 4+ characters), or one of its spellings
 * in the other romanisation (`$variants`: term → variants, "sinegubov" → "synehubov") must. Ranked: the whole text
 * equal, starting with, containing the query; then per term prefix > substring > typo.
 * Cost: O(nodes × words × word length).
 */
export const fuzzyScanCypher = (texts: string) => `
MATCH (n) ${LABELS}
WITH n, ${texts} AS texts
WHERE size(texts) > 0 AND size($terms) > 0
WITH n, texts, reduce(ws = [], t IN texts |
  ws + [w IN split(reduce(s = t, c IN ${SEPARATORS} | replace(s, c, ' ')), ' ') WHERE w <> '']) AS words
WITH n, texts, [q IN $terms |
  CASE
    WHEN any(w IN words WHERE w STARTS WITH q) THEN 3
    WHEN any(t IN texts WHERE t CONTAINS q) THEN 2
    WHEN size(q) >= 4 AND any(w IN words WHERE ${oneEdit('q', 'w')}
      OR (size(w) > size(q) AND (${oneEdit('q', 'left(w, size(q))')} OR ${oneEdit('q', 'left(w, size(q) + 1)')}))) THEN 1
    WHEN any(v IN coalesce($variants[q], []) WHERE any(w IN words WHERE w STARTS WITH v OR ${oneEdit('v', 'w')})) THEN 1
    ELSE 0 END] AS scores
WHERE any(t IN texts WHERE t CONTAINS $ql) OR all(x IN scores WHERE x > 0)
WITH n, texts,
  CASE WHEN $ql IN texts THEN 10.0 WHEN any(t IN texts WHERE t STARTS WITH $ql) THEN 8.0
       WHEN any(t IN texts WHERE t CONTAINS $ql) THEN 6.0 ELSE 0.0 END
  + reduce(s = 0.0, x IN scores | s + x) AS score
ORDER BY score DESC, size(head(texts)), elementId(n)
LIMIT $limit
RETURN n AS node, score, $ql IN texts AS exact, ${CLAIMANT('n')} AS claimant
ORDER BY score DESC, size(head(texts)), elementId(n)`;

/**
 * Substring matching only (large graphs): the query in a text, or every term somewhere. Ranked
 * exact > prefix > word prefix > substring > all words somewhere. Cost: O(nodes).
 */
export const SCAN_CYPHER = (texts: string) => `
MATCH (n) ${LABELS}
WITH n, ${texts} AS texts
WHERE any(t IN texts WHERE t CONTAINS $ql)
   OR (size($terms) > 1 AND all(w IN $terms WHERE any(t IN texts WHERE t CONTAINS w)))
WITH n, texts, CASE
  WHEN $ql IN texts THEN 5.0
  WHEN any(t IN texts WHERE t STARTS WITH $ql) THEN 4.0
  WHEN any(t IN texts WHERE t CONTAINS (' ' + $ql)) THEN 3.0
  WHEN any(t IN texts WHERE t CONTAINS $ql) THEN 2.0
  ELSE 1.0 END AS score
ORDER BY score DESC, size(head(texts)), elementId(n)
LIMIT $limit
RETURN n AS node, score, score = 5.0 AS exact, ${CLAIMANT('n')} AS claimant
ORDER BY score DESC, size(head(texts)), elementId(n)`;

const quote = (t: string) => `\`${t.replace(/`/g, '``')}\``;

/**
 * The one statement that would give search an index over the perspective's labels and text
 * properties (shown to the user; newsgraph never runs it on a database it did not seed).
 */
export function indexStatement(p: Perspective): string | null {
  const labels = p.labels.filter((l) => l.legend).map((l) => l.label);
  const props = p.search.properties.filter((k) => k !== 'id');
  if (!labels.length || !props.length) return null;
  return `CREATE FULLTEXT INDEX newsgraph_search IF NOT EXISTS FOR (n:${labels.map(quote).join('|')}) ON EACH [${props
    .map((k) => `n.${quote(k)}`)
    .join(', ')}]`;
}
