import { z } from 'zod';
import type { EndpointContract } from './contract';
import { ROUTES } from './routes';

/**
 * Two kinds of time: when events happened (`date`, or `date_from`/`date_to`) and when articles
 * were published (`published`). "As reported by" a date keeps only what articles published by
 * then support — the graph as it was known on that day.
 */

/** Most events (and, separately, articles) one timeline response carries. */
export const TIMELINE_MAX_ITEMS = 5_000;

/** A calendar date, `YYYY-MM-DD`, that exists (no 2023-02-30). */
export const IsoDateSchema = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2023-04-21')
  .refine((s) => isValidIsoDate(s), 'is not a real calendar date');

export function isValidIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

export const TimelineQuerySchema = z
  .strictObject({
    from: IsoDateSchema.optional().describe('first day of the range (inclusive); default: unbounded'),
    to: IsoDateSchema.optional().describe('last day of the range (inclusive); default: unbounded'),
    asReportedBy: IsoDateSchema.optional().describe(
      'only what articles published on or before this day support: events with such evidence, those articles, claims they report',
    ),
    granularity: z.enum(['year', 'month']).default('month').describe('bucket size of the histogram (default month)'),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'must not be before `from`', path: ['to'] });
export type TimelineQuery = z.infer<typeof TimelineQuerySchema>;

export const TimelinePlaceSchema = z.object({
  id: z.string().describe('elementId'),
  key: z.string().nullable(),
  name: z.string(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
});

export const ClaimStatusCountsSchema = z.object({
  total: z.number(),
  contested: z.number(),
  unanswered: z.number(),
  acknowledged: z.number(),
  uncontested: z.number(),
});
export type ClaimStatusCounts = z.infer<typeof ClaimStatusCountsSchema>;

export const TimelineEventSchema = z.object({
  id: z.string().describe('elementId'),
  key: z.string().nullable(),
  name: z.string(),
  kind: z.string().nullable(),
  start: z.string().describe('ISO date: `date`, else `date_from`, else `date_to`'),
  end: z.string().describe('ISO date: `date`, else `date_to`, else `date_from` (equal to start for one-day events)'),
  openStart: z.boolean().describe('only an upper bound is known (the event happened by `end`)'),
  openEnd: z.boolean().describe('only a lower bound is known (the event began on `start`)'),
  places: z.array(TimelinePlaceSchema).describe('where it happened (OCCURRED_IN)'),
  claims: ClaimStatusCountsSchema.describe('claims about the event (as reported by `asReportedBy` when given)'),
  contested: z.boolean().describe('two claims about it contradict each other'),
  sources: z.number().describe("distinct articles with evidence on the event's relationships"),
});
export type TimelineEvent = z.infer<typeof TimelineEventSchema>;

export const TimelineArticleSchema = z.object({
  id: z.string().describe('elementId'),
  key: z.string().nullable(),
  title: z.string(),
  outlet: z.string().nullable(),
  published: z.string().describe('ISO date (the earliest possible day when only a range is known)'),
});
export type TimelineArticle = z.infer<typeof TimelineArticleSchema>;

export const TimelineBucketSchema = z.object({
  start: z.string().describe('first day of the bucket'),
  end: z.string().describe('last day of the bucket'),
  label: z.string().describe('"2023" or "2023-04"'),
  events: z.number().describe('events that start in the bucket'),
  articles: z.number().describe('articles published in the bucket'),
});
export type TimelineBucket = z.infer<typeof TimelineBucketSchema>;

export const TimelineResponseSchema = z.object({
  from: z.string().nullable().describe('the range asked for (null: unbounded)'),
  to: z.string().nullable(),
  asReportedBy: z.string().nullable(),
  granularity: z.enum(['year', 'month']),
  events: z.array(TimelineEventSchema).describe('events overlapping the range, by start date'),
  articles: z.array(TimelineArticleSchema).describe('articles published in the range, by date'),
  buckets: z
    .array(TimelineBucketSchema)
    .describe('contiguous buckets from the first to the last item, empty ones included'),
  undated: z.number().describe('events in the database without any usable date (not placed on the timeline)'),
  truncated: z.boolean().describe(`more than ${TIMELINE_MAX_ITEMS} events or articles matched; the earliest were kept`),
  facts: z.object({
    total: z.number().describe("the listed events' relationships that carry evidence"),
    supported: z
      .number()
      .describe(
        'of those, relationships with evidence from articles published by `asReportedBy` (all when it is not given)',
      ),
  }),
  tookMs: z.number(),
});
export type TimelineResponse = z.infer<typeof TimelineResponseSchema>;

export const timelineContract = {
  ...ROUTES.timeline,
  summary:
    'Events by when they happened and articles by when they were published; optionally only what was reported by a date.',
  description:
    'An event is in range when its [start, end] overlaps [from, to]. With `asReportedBy`, an event is listed only when an ' +
    'article published by then carries evidence on one of its relationships (or mentions it), claims count only when such ' +
    'an article reports them, and a claim is contested only when the contradicting claim was reported by then too.',
  tag: 'investigation',
  query: TimelineQuerySchema,
  response: TimelineResponseSchema,
  errors: [400, 503, 507],
} as const satisfies EndpointContract;

/** First and last day of the bucket holding `iso`. */
export function bucketOf(iso: string, granularity: 'year' | 'month'): { start: string; end: string; label: string } {
  const y = Number(iso.slice(0, 4));
  if (granularity === 'year') return { start: `${y}-01-01`, end: `${y}-12-31`, label: String(y) };
  const m = Number(iso.slice(5, 7));
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const mm = String(m).padStart(2, '0');
  return { start: `${y}-${mm}-01`, end: `${y}-${mm}-${String(last).padStart(2, '0')}`, label: `${y}-${mm}` };
}

function nextBucketStart(b: { end: string }): string {
  const d = new Date(`${b.end}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/**
 * Histogram of events (by start day) and articles (by publication day), one bucket per year or
 * month from the earliest to the latest item, empty buckets included. Pure; O(items + buckets).
 */
export function bucketize(
  events: readonly { start: string }[],
  articles: readonly { published: string }[],
  granularity: 'year' | 'month',
): TimelineBucket[] {
  const days = [...events.map((e) => e.start), ...articles.map((a) => a.published)].sort();
  if (days.length === 0) return [];
  const counts = new Map<string, { events: number; articles: number }>();
  const slot = (iso: string) => {
    const label = bucketOf(iso, granularity).label;
    return counts.get(label) ?? counts.set(label, { events: 0, articles: 0 }).get(label)!;
  };
  for (const e of events) slot(e.start).events++;
  for (const a of articles) slot(a.published).articles++;
  const out: TimelineBucket[] = [];
  const lastLabel = bucketOf(days[days.length - 1]!, granularity).label;
  let b = bucketOf(days[0]!, granularity);
  for (let guard = 0; guard < 100_000; guard++) {
    const c = counts.get(b.label) ?? { events: 0, articles: 0 };
    out.push({ ...b, events: c.events, articles: c.articles });
    if (b.label === lastLabel) break;
    b = bucketOf(nextBucketStart(b), granularity);
  }
  return out;
}
