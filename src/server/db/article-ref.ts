import type { ArticleRef } from '../../shared/api/nodes';
import { strOrNull } from './convert';
import { nodeKey } from './graph';

/**
 * An article as a citation: every answer that cites an article (evidence, claims, reported values,
 * the reader) reads the same properties, so an inferred outlet and a date known only as a range are
 * never printed as fact in one place and hedged in another.
 */

/** A Cypher map projection of article `a` with what a citation needs (and nothing else). */
export const articleProjection = (a: string) =>
  `${a} {.id, .title, .outlet, .outlet_inferred, .published, .published_from, .published_to}`;

const day = (v: unknown) => strOrNull(v)?.slice(0, 10) ?? null;

/** How sure the citation is: inferred outlet, publication range. */
export function articleDating(p: Record<string, unknown>) {
  return {
    outletInferred: p.outlet_inferred === true || p.outlet_inferred === 'true',
    publishedFrom: day(p.published_from),
    publishedTo: day(p.published_to),
  };
}

/** An ArticleRef from a node (or projection) that may be missing; `key` is the cited id. */
export function articleRef(a: { elementId: string; properties: unknown } | null, key: unknown): ArticleRef {
  const p = (a?.properties ?? {}) as Record<string, unknown>;
  return {
    id: a?.elementId ?? null,
    key: strOrNull(key) ?? (a ? (nodeKey(p) ?? '') : ''),
    title: strOrNull(p.title),
    outlet: strOrNull(p.outlet),
    published: strOrNull(p.published),
    ...articleDating(p),
  };
}

/** An ArticleRef for an article id that is not in the graph. */
export const missingArticle = (key: string): ArticleRef => ({
  id: null,
  key,
  title: null,
  outlet: null,
  outletInferred: false,
  published: null,
  publishedFrom: null,
  publishedTo: null,
});
