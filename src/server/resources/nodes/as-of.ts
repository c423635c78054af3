import { REPORTED_KEYS } from '../../../dataset/reported';
import type { ArticleRef, NodeDetailResponse, ReportedValue } from '../../../shared/api/nodes';
import { articleProjection, articleRef, missingArticle } from '../../db/article-ref';
import { numOrNull } from '../../db/convert';
import { readQuery, type Db } from '../../db/runner';

/**
 * A node's detail "as reported by" a day, and its per-value sources. The seed loader stores a
 * property's values with the article each came from as parallel `reported_*` lists (oldest article
 * first; see src/dataset/reported.ts). Those lists never reach the client raw: they come back as
 * `reported`, and with an as-of day each such property shows the latest value known by then and
 * is absent while none was; evidence, mentions and claims keep only articles published by then.
 */

type Props = Record<string, unknown>;

/** The node's per-value sources with their article ids, or none when it has no well-formed lists. */
function sourcesOf(
  raw: Props,
): { property: string; value: string; article: string; quote: string; start: unknown; end: unknown }[] {
  const props = raw.reported_properties;
  if (!Array.isArray(props)) return [];
  const list = (k: string) => (Array.isArray(raw[k]) ? (raw[k] as unknown[]) : []);
  const [values, articles, quotes, starts, ends] = REPORTED_KEYS.slice(1).map(list) as unknown[][];
  return props.flatMap((p, i) =>
    typeof p === 'string' && typeof articles![i] === 'string'
      ? [
          {
            property: p,
            value: String(values![i]),
            article: articles![i] as string,
            quote: String(quotes![i] ?? ''),
            start: starts![i],
            end: ends![i],
          },
        ]
      : [],
  );
}

/** A stored text value typed like the property it replaces (numbers and booleans; dates stay ISO text). */
function typed(text: string, like: unknown): string | number | boolean {
  if (typeof like === 'number') return Number(text);
  if (typeof like === 'boolean') return text === 'true';
  return text;
}

// The earliest day the article can have been out (the range's start when only a range is known).
const knownBy = (a: ArticleRef | null | undefined, asOf: string) => {
  const day = a?.publishedFrom ?? a?.published;
  return !!day && day.slice(0, 10) <= asOf;
};

/**
 * Applies per-value sources and an optional as-of day to a detail answer. `raw` is the node's
 * stored properties (the lists are read from it). Cost: one lookup of the source articles by id,
 * only when the node has per-value sources.
 */
export async function withReported(
  db: Db,
  detail: NodeDetailResponse,
  raw: Props,
  asOf: string | undefined,
): Promise<NodeDetailResponse> {
  const sources = sourcesOf(raw);
  const properties: Props = { ...detail.node.properties };
  for (const k of REPORTED_KEYS) delete properties[k];
  let reported: ReportedValue[] = [];
  if (sources.length) {
    const ids = [...new Set(sources.map((s) => s.article))];
    const r = await readQuery(
      db,
      `MATCH (a:Article) WHERE a.id IN $ids RETURN a.id AS key, elementId(a) AS id, ${articleProjection('a')} AS a`,
      { ids },
      { metadata: { endpoint: 'node-detail' } },
    );
    const refs = new Map<string, ArticleRef>(
      r.records.map((x) => [
        String(x.get('key')),
        articleRef({ elementId: String(x.get('id')), properties: x.get('a') }, x.get('key')),
      ]),
    );
    reported = sources.map((s) => ({
      property: s.property,
      value: typed(s.value, properties[s.property]),
      article: refs.get(s.article) ?? missingArticle(s.article),
      quote: s.quote,
      start: numOrNull(s.start),
      end: numOrNull(s.end),
    }));
  }
  if (asOf === undefined) return { ...detail, node: { ...detail.node, properties }, reported, asReportedBy: null };

  reported = reported.filter((s) => knownBy(s.article, asOf));
  for (const p of new Set(sources.map((s) => s.property))) {
    // Lists are oldest first, so the last known entry is the value as of that day.
    const last = reported.filter((s) => s.property === p).at(-1);
    if (last) properties[p] = last.value;
    else delete properties[p];
  }
  const claimKnown = (c: { article: ArticleRef | null }) => knownBy(c.article, asOf);
  return {
    ...detail,
    node: { ...detail.node, properties },
    evidence: detail.evidence.filter((e) => knownBy(e.article, asOf)),
    mentions: detail.mentions.filter((m) => knownBy(m.article, asOf)),
    claim: detail.claim && claimKnown(detail.claim) ? detail.claim : null,
    claimsMade: detail.claimsMade.filter(claimKnown),
    claimsAbout: detail.claimsAbout.filter(claimKnown),
    reported,
    asReportedBy: asOf,
  };
}
