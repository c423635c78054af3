/**
 * Property values formatted for people: ISO dates as "30 December 2023", points as
 * "50.60° N, 36.59° E", lists joined, long numbers grouped. Pure (unit-tested in Node).
 */
export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "2023-12-30" → "30 December 2023"; date-times keep their time (UTC as given). Others unchanged. */
export function formatDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/.exec(iso);
  if (!m) return iso;
  const month = MONTHS[Number(m[2]) - 1];
  if (!month) return iso;
  const day = `${Number(m[3])} ${month} ${m[1]}`;
  return m[4] ? `${day}, ${m[4]}:${m[5]}${m[6] && m[6] !== 'Z' ? ` (${m[6]})` : m[6] === 'Z' ? ' UTC' : ''}` : day;
}

/** A day as "29 Nov 2022" (where room is short); anything else as formatDate gives it. */
export function formatShortDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const month = m ? MONTHS[Number(m[2]) - 1] : undefined;
  return m && month ? `${Number(m[3])} ${month.slice(0, 3)} ${m[1]}` : formatDate(iso);
}

export function isIsoDate(v: unknown): v is string {
  return typeof v === 'string' && /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/.test(v);
}

const DURATION =
  /^P(?:(\d+(?:\.\d+)?)Y)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(-?\d+(?:\.\d+)?)H)?(?:(-?\d+(?:\.\d+)?)M)?(?:(-?\d+(?:\.\d+)?)S)?)?$/;

/** An ISO 8601 duration ("P1Y2M3DT4H", also Neo4j's "P1DT" with an empty time part). */
export function isIsoDuration(v: unknown): v is string {
  return typeof v === 'string' && v.length > 1 && DURATION.test(v) && /\d/.test(v);
}

/** "P1Y2M10DT2H30M" → "1 year, 2 months, 10 days, 2 hours, 30 minutes". Others unchanged. */
export function formatDuration(iso: string): string {
  const m = DURATION.exec(iso);
  if (!m) return iso;
  const units = ['year', 'month', 'week', 'day', 'hour', 'minute', 'second'];
  const parts: string[] = [];
  m.slice(1).forEach((n, i) => {
    if (n === undefined || Number(n) === 0) return;
    const v = Number(n);
    parts.push(`${v} ${units[i]}${Math.abs(v) === 1 ? '' : 's'}`);
  });
  return parts.length ? parts.join(', ') : '0 seconds';
}

export function formatPoint(p: { lat: number; lon: number }): string {
  const lat = `${Math.abs(p.lat).toFixed(2)}° ${p.lat >= 0 ? 'N' : 'S'}`;
  const lon = `${Math.abs(p.lon).toFixed(2)}° ${p.lon >= 0 ? 'E' : 'W'}`;
  return `${lat}, ${lon}`;
}

function isPoint(v: unknown): v is { lat: number; lon: number } {
  return (
    !!v &&
    typeof v === 'object' &&
    typeof (v as { lat?: unknown }).lat === 'number' &&
    typeof (v as { lon?: unknown }).lon === 'number'
  );
}

/** One property value as text for the detail panel. */
export function formatValue(v: unknown): string {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (typeof v === 'number')
    return Number.isInteger(v) && Math.abs(v) >= 10_000 ? v.toLocaleString('en-GB') : String(v);
  if (typeof v === 'string') return isIsoDate(v) ? formatDate(v) : v;
  if (Array.isArray(v)) return v.length ? v.map(formatValue).join(', ') : '—';
  if (isPoint(v)) return formatPoint(v);
  return JSON.stringify(v);
}

/** Joining words a name keeps in lower case after its first word ("Government of Russia"). */
const SMALL_WORDS = new Set(['of', 'the', 'and', 'for', 'in', 'on', 'at', 'to', 'a', 'an', 'by', 'de']);

/** "date_from" → "Date from", "evidence_articles" → "Evidence articles". */
/**
 * A value as people read it, for panels (not result tables, which show the data as stored): a
 * machine key such as "russia" or "wall-street-journal" becomes "Russia", "Wall Street Journal";
 * anything else as formatValue writes it.
 */
export function humanValue(v: unknown): string {
  if (typeof v === 'string' && /^[a-z][a-z0-9]*(?:[-_][a-z0-9]+)*$/.test(v))
    return v
      .split(/[-_]/)
      .map((w, i) => (i > 0 && SMALL_WORDS.has(w) ? w : w.charAt(0).toUpperCase() + w.slice(1)))
      .join(' ');
  if (Array.isArray(v) && v.length) return v.map(humanValue).join(', ');
  return formatValue(v);
}

/**
 * Properties whose values are vocabulary or other entities' ids ("russia", "drone-strike"): shown
 * as words. Every other value (user names, extractor names, free text) is shown as stored.
 */
const KEYED_PROPERTIES = new Set([
  'kind',
  'country',
  'status',
  'stance',
  'occupation',
  'casualties_reported_by',
  'outlet',
  'authors',
  'claimant',
  'via',
]);

/** A property's value in the detail panel. */
export function panelValue(key: string, v: unknown): string {
  return KEYED_PROPERTIES.has(key) ? humanValue(v) : formatValue(v);
}

/** Where a span sits in an article, in words: "about 40% of the way in" (null without the length). */
export function positionInArticle(start: number, length: number | null): string | null {
  if (!length || length <= 0 || start < 0) return null;
  const pct = Math.round((start / length) * 100);
  if (pct <= 5) return 'at the start of the article';
  if (pct >= 90) return 'at the end of the article';
  return `about ${pct}% of the way into the article`;
}

export function humanKey(k: string): string {
  const s = k
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/_/g, ' ')
    .trim();
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** "GOVERNOR_OF" → "governor of". */
export function humanType(t: string): string {
  return t.toLowerCase().replace(/_/g, ' ');
}

export interface Segment {
  text: string;
  mark: boolean;
}

/**
 * Splits a quote into segments, marking every occurrence of the given terms (names, aliases),
 * case-insensitively and on word boundaries, longest terms first. Terms under 3 letters are ignored.
 */
export function highlight(text: string, terms: readonly string[]): Segment[] {
  const clean = [...new Set(terms.map((t) => t.trim()).filter((t) => t.length >= 3))].sort(
    (a, b) => b.length - a.length,
  );
  if (!clean.length) return [{ text, mark: false }];
  const escaped = clean.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const re = new RegExp(`(?<![\\p{L}\\p{N}])(${escaped.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
  const out: Segment[] = [];
  let last = 0;
  for (const m of text.matchAll(re)) {
    const i = m.index ?? 0;
    if (i > last) out.push({ text: text.slice(last, i), mark: false });
    out.push({ text: m[0], mark: true });
    last = i + m[0].length;
  }
  if (last < text.length) out.push({ text: text.slice(last), mark: false });
  return out.length ? out : [{ text, mark: false }];
}

/** The words that make a quote evidence of a node: its caption, aliases, and the surname of a person. */
export function termsFor(caption: string, aliases: unknown): string[] {
  const out = [caption];
  if (Array.isArray(aliases))
    for (const a of aliases) if (typeof a === 'string') out.push(a.replace(/^(Mr|Mrs|Ms|Dr)\.?\s+/, ''));
  const parts = caption.split(/\s+/);
  if (parts.length > 1) out.push(parts[parts.length - 1]!);
  return out;
}

/** A value longer than CLIP_OVER characters (or LINES_OVER lines) is shown cut to CLIP_CHARS / CLIP_LINES first. */
export const CLIP_CHARS = 280;
const CLIP_OVER = 400;
const CLIP_LINES = 4;
const LINES_OVER = 6;

/**
 * The first few lines of a long text for the detail panel (cut at a space when one is within 20
 * characters of the end, never inside a surrogate pair), or null when it is short enough to show whole.
 */
export function clipText(s: string): { head: string; length: number } | null {
  const lines = s.split('\n');
  if (s.length <= CLIP_OVER && lines.length <= LINES_OVER) return null;
  let head = lines.length > LINES_OVER ? lines.slice(0, CLIP_LINES).join('\n') : s;
  if (head.length > CLIP_CHARS) {
    let end = CLIP_CHARS;
    const space = head.lastIndexOf(' ', CLIP_CHARS);
    if (space > CLIP_CHARS - 20) end = space;
    else if (/[\uD800-\uDBFF]/.test(head[end - 1]!)) end -= 1;
    head = head.slice(0, end);
  }
  return { head, length: s.length };
}

/** "Show all (36,000 characters)". */
export const showAllLabel = (length: number) => `Show all (${length.toLocaleString('en-GB')} characters)`;
