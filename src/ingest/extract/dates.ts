import * as chrono from 'chrono-node';
import type { DateCandidate } from '../batch';
import { trimSpan } from './quote';

export const DATES_VERSION = `chrono-node-2/1.3.0`;
/** A date candidate's note while the article has no publication date. */
export const UNRESOLVED_NOTE = 'no publication date: relative dates were not resolved';

export interface FoundDate {
  start: number;
  end: number;
  text: string;
  date?: string;
  dateFrom?: string;
  dateTo?: string;
  granularity: 'day' | 'month' | 'year' | 'range';
  dateBasis: string;
}

const WEEKDAY = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const iso = (d: Date) => d.toISOString().slice(0, 10);
const monthEnd = (y: number, m: number) => iso(new Date(Date.UTC(y, m, 0)));
const pad = (n: number) => String(n).padStart(2, '0');

/** Durations and vague spans that chrono reads as dates ("the last two years", "the past year"). */
const DURATION =
  /^(the )?((last|past|next|previous) (\d+|two|three|four|five|six|seven|eight|nine|ten|few|several) |past (day|week|month|year)s?$)|^(a|an|one|\d+|two|three|four|five|six|seven|eight|nine|ten) (day|week|month|year)s? (after|before|later|earlier|ago)$|\bago$/i;
/** Qualifiers that belong to the expression ("late Thursday", "early January", "midweek last week"). */
const QUALIFIER = /\b(late|early|mid|midweek|mid-week|earlier|later)[ -]$/i;

const DAY_MS = 86400_000;
const plusDays = (d: Date, n: number) => new Date(d.getTime() + n * DAY_MS);

/** The part of a week a qualifier names, as days after its Monday (0 to 6). */
function weekPart(qualifier: string | undefined): [number, number] {
  if (qualifier === 'early' || qualifier === 'earlier') return [0, 2];
  if (qualifier === 'mid' || qualifier === 'midweek' || qualifier === 'mid-week') return [1, 3];
  if (qualifier === 'late' || qualifier === 'later') return [3, 6];
  return [0, 6];
}

/**
 * The days a week expression names, against publication day `ref` (its week's Monday `monday`).
 * "last week" is the calendar week before, Monday to Sunday; "early"/"earlier last week" its
 * Monday to Wednesday, "mid"/"midweek last week" its Tuesday to Thursday, "late"/"later last
 * week" its Thursday to Sunday. "this week" is its Monday to publication day, "earlier this week"
 * to the day before (in a Monday paper that Monday itself: a one-day range). The other parts of
 * this week are cut at publication day, since a report dates what has happened: "early this week"
 * is Monday to Wednesday or publication day if sooner, "mid this week" Tuesday to Thursday,
 * "late"/"later this week" Thursday to Sunday. When that part has not begun by publication day
 * ("later this week" in a Tuesday paper, usually a plan) the answer is 'ahead': no date, rather
 * than a future one. Null for other expressions.
 */
function weekDays(
  raw: string,
  qualifier: string | undefined,
  ref: Date,
  monday: Date,
): { from: Date; to: Date } | 'ahead' | null {
  const q = qualifier?.toLowerCase();
  const [first, last] = weekPart(q);
  if (/^(?:the )?last week$/i.test(raw)) {
    const before = plusDays(monday, -7);
    return { from: plusDays(before, first), to: plusDays(before, last) };
  }
  if (/\bthis week\b/i.test(raw)) {
    const today = Math.round((ref.getTime() - monday.getTime()) / DAY_MS);
    if (q === 'earlier') return { from: monday, to: plusDays(monday, Math.max(0, today - 1)) };
    if (first > today) return 'ahead';
    return { from: plusDays(monday, first), to: plusDays(monday, Math.min(last, today)) };
  }
  return null;
}

function componentsOf(r: chrono.ParsedResult['start']): { y: number; m: number; d: number } {
  return { y: r.get('year')!, m: r.get('month')!, d: r.get('day')! };
}

/**
 * Date expressions resolved against the publication date, never forwards: chrono-node with
 * `forwardDate: false`, and a bare weekday that chrono puts after publication moved back a week
 * ("Saturday" in a Friday paper is the Saturday before). Months and years become ranges; times
 * and durations are dropped. `dateBasis` says how each was derived, as the seed data does.
 * Without a publication date relative expressions are skipped (they cannot be resolved) and only
 * absolute dates are returned. Cost: one chrono pass, a few ms per article.
 */
export function findDates(text: string, published?: string): FoundDate[] {
  const ref = published ? new Date(`${published}T12:00:00Z`) : undefined;
  const results = chrono.en.parse(text, ref ? { instant: ref, timezone: 0 } : undefined, { forwardDate: false });
  const out: FoundDate[] = [];
  const pubText = published && ref ? `${published} (${WEEKDAY[ref.getUTCDay()]})` : undefined;
  for (let i = 0; i < results.length; i++) {
    const r = results[i]!;
    let start = r.index;
    const raw = r.text.replace(/[\s,.;:]+$/, '');
    let end = start + raw.length;
    if (DURATION.test(raw)) continue;
    const s = r.start;
    const thisPeriod = /\bthis (week|month|year)\b/i.exec(raw)?.[1]?.toLowerCase();
    const certainDate = s.isCertain('day') || s.isCertain('weekday') || s.isCertain('month') || s.isCertain('year');
    const deictic = /\b(today|tonight|yesterday|this (morning|evening|afternoon))\b/i.test(raw);
    if (!certainDate && !deictic && !thisPeriod) continue; // a bare time ("3:00")
    // chrono marks every part of "last week", "a month ago" certain: resolved against now, not the paper.
    const relative = !s.isCertain('year') || deictic || !!thisPeriod || r.tags().has('result/relativeDate');
    if (relative && !ref) continue;
    const q = QUALIFIER.exec(text.slice(Math.max(0, start - 10), start));
    if (q) start -= q[0].length;
    const expr = text.slice(start, end);
    const basis = relative ? `article published ${pubText} says '${expr}'` : `the article says '${expr}'`;
    // "between March and April 2024": one range.
    const next = results[i + 1];
    if (
      next &&
      /^\s*and\s*$/.test(text.slice(end, next.index)) &&
      /\bbetween\s+$/i.test(text.slice(Math.max(0, start - 9), start))
    ) {
      const a = componentsOf(s);
      const b = componentsOf(next.start);
      const y = next.start.isCertain('year') && !s.isCertain('year') ? b.y : a.y;
      end = next.index + next.text.replace(/[\s,.;:]+$/, '').length;
      const whole = text.slice(start, end);
      out.push({
        start,
        end,
        text: whole,
        dateFrom: `${y}-${pad(a.m)}-${s.isCertain('day') ? pad(a.d) : '01'}`,
        dateTo: next.start.isCertain('day') ? `${b.y}-${pad(b.m)}-${pad(b.d)}` : monthEnd(b.y, b.m),
        granularity: 'range',
        dateBasis:
          relative || !next.start.isCertain('year')
            ? `article published ${pubText ?? '(unknown)'} says '${whole}'`
            : `the article says '${whole}'`,
      });
      i++;
      continue;
    }
    let d = s.date();
    if (s.isCertain('weekday') && !s.isCertain('day') && ref && d.getTime() > ref.getTime() + 12 * 3600_000) {
      d = new Date(d.getTime() - 7 * 86400_000);
    }
    // A month without a year that chrono put after publication is last year's ("in January" in a November paper).
    if (s.isCertain('month') && !s.isCertain('year') && ref && !/\bnext\b/i.test(raw)) {
      const monthStart = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
      if (monthStart > ref.getTime())
        d = new Date(Date.UTC(d.getUTCFullYear() - 1, d.getUTCMonth(), Math.min(d.getUTCDate(), 28)));
    }
    const { y, m } = { y: d.getUTCFullYear(), m: d.getUTCMonth() + 1 };
    // chrono's one day for "last week" (a week back) claims too much, and it ignores "late", "earlier".
    const week = ref && weekDays(raw, q?.[1], ref, plusDays(ref, -((ref.getUTCDay() + 6) % 7)));
    if (week === 'ahead') continue;
    if (week) {
      out.push({
        start,
        end,
        text: expr,
        dateFrom: iso(week.from),
        dateTo: iso(week.to),
        granularity: 'range',
        dateBasis: basis,
      });
    } else if (thisPeriod === 'year' && ref) {
      out.push({
        start,
        end,
        text: expr,
        dateFrom: `${ref.getUTCFullYear()}-01-01`,
        dateTo: `${ref.getUTCFullYear()}-12-31`,
        granularity: 'year',
        dateBasis: basis,
      });
    } else if (s.isCertain('day') || s.isCertain('weekday') || deictic || /\b(day|week)\b/i.test(raw)) {
      out.push({ start, end, text: expr, date: iso(d), granularity: 'day', dateBasis: basis });
    } else if (s.isCertain('month') || /\bmonth\b/i.test(raw)) {
      out.push({
        start,
        end,
        text: expr,
        dateFrom: `${y}-${pad(m)}-01`,
        dateTo: monthEnd(y, m),
        granularity: 'month',
        dateBasis: basis,
      });
    } else {
      out.push({
        start,
        end,
        text: expr,
        dateFrom: `${y}-01-01`,
        dateTo: `${y}-12-31`,
        granularity: 'year',
        dateBasis: basis,
      });
    }
  }
  return out;
}

/** A found date as a candidate: the same for extraction and re-dating. */
export function dateCandidate(id: string, text: string, d: FoundDate, notes: string[]): DateCandidate {
  const q = trimSpan(text, d, 1e9);
  return {
    id,
    kind: 'date',
    spans: [{ start: d.start, end: d.end }],
    quote: text.slice(q.start, q.end),
    quoteSpan: q,
    confidence: d.dateBasis.startsWith('the article') ? 0.9 : 0.75,
    extractor: { name: 'dates', version: DATES_VERSION },
    notes,
    text: d.text,
    date: d.date,
    dateFrom: d.dateFrom,
    dateTo: d.dateTo,
    granularity: d.granularity,
    dateBasis: d.dateBasis,
  };
}
