/**
 * Corroboration: how many distinct articles and outlets support a relationship. The loader stores
 * `sources`, `outlets` (named ones) and `unnamed_outlets` (articles whose outlet is unknown) on every
 * relationship with evidence; a load before the last has no `unnamed_outlets` (null: shown as before).
 * For other databases `sources` is derived from `evidence_articles` when present, else unknown (null)
 * — so mentions, which only name their article, are never "single-source facts". Pure; unit-tested.
 */
import type { GraphEdge } from '../../../shared/graph';

export interface Corroboration {
  sources: number | null;
  /** Distinct named outlets. */
  outlets: number | null;
  /** Articles whose outlet is unknown (none recorded, or a placeholder): not counted in `outlets`. */
  unnamed: number | null;
}

const count = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : null);

export function corroboration(props: Readonly<Record<string, unknown>>): Corroboration {
  const sources = count(props.sources);
  const outlets = count(props.outlets);
  const unnamed = count(props.unnamed_outlets);
  if (sources !== null) return { sources, outlets, unnamed };
  // Only evidence lists make a fact: a bare `article` (a mention) is provenance, not corroboration.
  const list = props.evidence_articles;
  if (!Array.isArray(list)) return { sources: null, outlets: null, unnamed: null };
  return { sources: new Set(list.filter((x) => typeof x === 'string')).size, outlets, unnamed };
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
 * What the counts do not know: a syndicated rewrite of another source, and an outlet only inferred
 * from the text, each count once; articles whose outlet is unknown are counted apart, as they may be
 * one outlet or one already counted. Said wherever the counts are shown.
 */
export const CORROBORATION_CAVEAT =
  'A rewrite of another source and an outlet inferred from the text each count once, so this is at most, not exactly, the number of independent confirmations. Articles whose outlet is not known are counted as unnamed, not as outlets: they may share one, or be one already counted.';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * "3 articles · 2 outlets" for the detail panel and tooltips; with articles of unknown outlet
 * "3 articles · 1 outlet + 2 unnamed", or "2 articles · outlets unnamed" when none is named.
 */
export function describeCorroboration(c: Corroboration): string {
  if (c.sources === null) return 'no recorded sources';
  const a = plural(c.sources, 'article');
  if (c.outlets === null) return a;
  if (!c.unnamed) return `${a} · ${plural(c.outlets, 'outlet')}`;
  if (c.outlets === 0) return `${a} · outlet${c.unnamed === 1 ? '' : 's'} unnamed`;
  return `${a} · ${plural(c.outlets, 'outlet')} + ${c.unnamed} unnamed`;
}
