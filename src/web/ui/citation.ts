import { formatDate, humanValue, MONTHS } from './format';

/**
 * How an article is cited, in one place: an outlet that the text does not name is marked
 * "(inferred)", and a date known only as a range is given as the range, never the best estimate
 * alone — an investigator quoting the citation must not present a guess as fact. Pure.
 */
export interface Citable {
  title?: string | null;
  outlet: string | null;
  outletInferred?: boolean;
  published: string | null;
  publishedFrom?: string | null;
  publishedTo?: string | null;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "Daily Express (inferred)"; null without an outlet. */
export function formatOutlet(a: Citable): string | null {
  if (!a.outlet) return null;
  return `${humanValue(a.outlet)}${a.outletInferred ? ' (inferred)' : ''}`;
}

/** Two ISO days as "10–14 October 2022", "28 September – 3 October 2022" or two full dates. */
export function formatDayRange(from: string, to: string): string {
  const f = DAY.exec(from);
  const t = DAY.exec(to);
  if (!f || !t) return `${formatDate(from)} – ${formatDate(to)}`;
  if (from === to) return formatDate(from);
  if (f[1] !== t[1]) return `${formatDate(from)} – ${formatDate(to)}`;
  if (f[2] !== t[2]) return `${Number(f[3])} ${MONTHS[Number(f[2]) - 1]} – ${formatDate(to)}`;
  return `${Number(f[3])}–${formatDate(to)}`;
}

/** The publication date as known: the range when there is one, else the date; null when neither. */
export function formatPublished(a: Citable): string | null {
  const from = a.publishedFrom ?? null;
  const to = a.publishedTo ?? null;
  if (from && to) return formatDayRange(from, to);
  if (from) return `${formatDate(from)} or later`;
  if (to) return `by ${formatDate(to)}`;
  return a.published ? formatDate(a.published) : null;
}

/** "Title · Daily Express (inferred) · 10–14 October 2022" (the title only when given). */
export function formatCitation(a: Citable): string {
  return [a.title ?? null, formatOutlet(a), formatPublished(a)].filter(Boolean).join(' · ');
}

/** The first day an article can have been out: `published_from` when a range is known, else `published`. */
export function earliestPublished(a: Citable): string | null {
  return a.publishedFrom ?? a.published;
}

/** A Citable from an :Article node's stored properties (graph store, exports). */
export function citableFromProperties(p: Record<string, unknown>): Citable {
  const str = (v: unknown) => (typeof v === 'string' && v ? v : null);
  return {
    title: str(p.title),
    outlet: str(p.outlet),
    outletInferred: p.outlet_inferred === true || p.outlet_inferred === 'true',
    published: str(p.published),
    publishedFrom: str(p.published_from),
    publishedTo: str(p.published_to),
  };
}

/**
 * The line under an article's title in search: "Article · Daily Express (inferred) · 10–14 October 2022",
 * from its node's properties, cited as everywhere else (an inferred outlet or a date range says so).
 */
export function articleHitLine(p: Record<string, unknown>): string {
  const c = citableFromProperties(p);
  return ['Article', formatOutlet(c), formatPublished(c)].filter(Boolean).join(' · ');
}
