/**
 * Audit entries for people: a date and time on one short line, what changed as "field: old → new",
 * why (the reason and source an editor gave), and the target by the name or title recorded with
 * the entry (its id stays in the tooltip). Pure.
 */

const two = (n: number) => String(n).padStart(2, '0');

function parts(d: Date, timeZone?: string) {
  const f = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'short',
  });
  const p = Object.fromEntries(f.formatToParts(d).map((x) => [x.type, x.value]));
  return {
    y: p.year!,
    mon: p.month!,
    day: p.day!,
    hm: `${two(Number(p.hour))}:${p.minute}`,
    s: p.second!,
    zone: p.timeZoneName ?? '',
  };
}

/**
 * "2 May 07:30" this year (today too: a trail is read days later, and copied), "30 Dec 2023 23:05"
 * before; the full time as the tooltip.
 */
export function auditWhen(at: string, now = new Date(), timeZone?: string): { text: string; title: string } {
  const d = new Date(at);
  if (Number.isNaN(d.getTime())) return { text: at, title: at };
  const p = parts(d, timeZone);
  const n = parts(now, timeZone);
  const text = p.y === n.y ? `${p.day} ${p.mon} ${p.hm}` : `${p.day} ${p.mon} ${p.y} ${p.hm}`;
  const month = d.toLocaleString('en-GB', { month: 'long', timeZone });
  return { text, title: `${p.day} ${month} ${p.y}, ${p.hm}:${p.s} ${p.zone}`.trim() };
}

const MAX = 120;
const cut = (s: string, max = MAX) => (s.length > max ? `${s.slice(0, max)}…` : s);

const scalar = (x: unknown) => typeof x !== 'object' || x === null;

function show(v: unknown): string {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return v.every(scalar) ? v.map(show).join(', ') : cut(JSON.stringify(v));
  if (typeof v === 'object') {
    // A plain object of scalars (a discard's counts) reads as "total 3, accepted 1"; deeper ones stay JSON.
    const entries = Object.entries(v);
    if (entries.length && entries.every(([, x]) => scalar(x)))
      return entries.map(([k, x]) => `${k} ${show(x)}`).join(', ');
    return JSON.stringify(v);
  }
  return String(v);
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const empty = (v: unknown) => v === null || v === undefined || (Array.isArray(v) && v.length === 0);

/** "field: old → new" for each field that changed ("field: new" for one that was not there before). */
export function auditChanges(before: unknown, after: unknown): string[] {
  if (!isRecord(before) && !isRecord(after)) {
    if (empty(before) && empty(after)) return [];
    return [cut(empty(before) ? show(after) : `${show(before)} → ${show(after)}`)];
  }
  const b = isRecord(before) ? before : {};
  const a = isRecord(after) ? after : {};
  const out: string[] = [];
  for (const k of new Set([...Object.keys(b), ...Object.keys(a)])) {
    const had = k in b && !empty(b[k]);
    if (JSON.stringify(b[k]) === JSON.stringify(a[k])) continue;
    if (!had && empty(a[k])) continue;
    out.push(cut(had ? `${k}: ${show(b[k])} → ${show(a[k])}` : `${k}: ${show(a[k])}`));
  }
  return out;
}

interface TargetOf {
  target: string | null;
  detail?: unknown;
  before?: unknown;
  after?: unknown;
}

const text = (o: unknown, k: string): string | null =>
  isRecord(o) && typeof o[k] === 'string' && (o[k] as string).trim() ? (o[k] as string) : null;

/** The target as a reader knows it: the name (and article title) the entry recorded, else its id. */
export function auditTarget(e: TargetOf): { text: string; title: string } {
  const id = e.target ?? '';
  const name = text(e.detail, 'name') ?? text(e.after, 'name') ?? text(e.before, 'name');
  const title = text(e.detail, 'title');
  const shown = name && title ? `${name} (${title})` : (name ?? title ?? id);
  return { text: shown, title: id };
}

/**
 * Why a change was made, as the entry recorded it: the editor's reason ("Reason: full name per the
 * Kremlin site") and the article and quote behind it ("Source: Daily Express: “…”"). Empty if neither.
 */
export function auditWhy(detail: unknown): string[] {
  if (!isRecord(detail)) return [];
  const out: string[] = [];
  const reason = text(detail, 'reason');
  if (reason) out.push(cut(`Reason: ${reason}`));
  const source = detail.source;
  if (isRecord(source)) {
    const article = text(source, 'title') ?? text(source, 'article');
    const quote = text(source, 'quote');
    if (article || quote)
      out.push(cut(`Source: ${[article, quote ? `“${quote}”` : null].filter(Boolean).join(': ')}`, 240));
  }
  return out;
}
