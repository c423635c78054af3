/**
 * Corroboration: how many distinct articles and outlets support a relationship. The loader stores
 * `sources` and `outlets` on every relationship with evidence; for other databases they are
 * derived from `evidence_articles` when present, else unknown (null) — so mentions, which only
 * name their article, are never "single-source facts". Pure; unit-tested.
 */
import type { GraphEdge } from '../../../shared/graph';

export interface Corroboration {
  sources: number | null;
  outlets: number | null;
}

const count = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : null);

export function corroboration(props: Readonly<Record<string, unknown>>): Corroboration {
  const sources = count(props.sources);
  const outlets = count(props.outlets);
  if (sources !== null) return { sources, outlets };
  // Only evidence lists make a fact: a bare `article` (a mention) is provenance, not corroboration.
  const list = props.evidence_articles;
  if (!Array.isArray(list)) return { sources: null, outlets: null };
  return { sources: new Set(list.filter((x) => typeof x === 'string')).size, outlets };
}

/** A fact resting on one article only. Unknown corroboration is not "single-source". */
export function isSingleSource(e: GraphEdge): boolean {
  return corroboration(e.properties).sources === 1;
}

/** Edge ids of single-source facts. O(edges). */
export function singleSourceEdges(edges: readonly GraphEdge[]): Set<string> {
  const out = new Set<string>();
  for (const e of edges) if (isSingleSource(e)) out.add(e.id);
  return out;
}

/**
 * Edge thickness (screen px) by distinct supporting articles: 1 source = the base width, each
 * further source a little thicker, capped so hubs stay readable.
 */
export function corroborationWidth(base: number, sources: number | null): number {
  if (sources === null || sources <= 1) return base;
  return Math.min(base * 3.2, base * (1 + 0.55 * (sources - 1)));
}

/**
 * What the counts do not know: articles count as they are, so a syndicated rewrite of another source,
 * an unnamed outlet and an inferred one each count once. Said wherever the counts are shown.
 */
export const CORROBORATION_CAVEAT =
  'Articles and outlets are counted as they are: a rewrite of another source, an unnamed outlet and an inferred one each count once, so this is at most, not exactly, the number of independent confirmations.';

/** "3 articles · 2 outlets" for the detail panel and tooltips. */
export function describeCorroboration(c: Corroboration): string {
  if (c.sources === null) return 'no recorded sources';
  const a = `${c.sources} article${c.sources === 1 ? '' : 's'}`;
  return c.outlets === null ? a : `${a} · ${c.outlets} outlet${c.outlets === 1 ? '' : 's'}`;
}
