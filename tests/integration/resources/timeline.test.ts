import { describe, expect, it } from 'vitest';
import { readSeed } from '../../../src/dataset/index';
import { SEED_DATA_DIR } from '../../../src/runtime/paths';
import { TimelineResponseSchema, type TimelineResponse } from '../../../src/shared/api/timeline';
import { useSeededApi } from '../../support/seeded-api';

/**
 * GET /api/timeline on the seeded Belgorod graph. Expected values come from the curated seed
 * files (independently of the query) and from facts of the articles.
 */

const app = useSeededApi();
const seed = readSeed(SEED_DATA_DIR);
const iso = (v: unknown) =>
  v instanceof Date ? v.toISOString().slice(0, 10) : v === undefined || v === null ? null : String(v).slice(0, 10);

/** Each seeded event's start day (date, else date_from, else date_to), as the timeline defines it. */
const seedEventStart = new Map(
  seed.entities
    .filter((e) => e.label === 'Event')
    .map((e) => [e.data.id, iso(e.data.date) ?? iso(e.data.date_from) ?? iso(e.data.date_to)] as const),
);

async function timeline(query = ''): Promise<TimelineResponse> {
  const r = await app.get(`/api/timeline${query}`);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return TimelineResponseSchema.parse(r.body);
}
const keys = (t: TimelineResponse) => t.events.map((e) => e.key);

describe('whole timeline', () => {
  it('lists every dated event once, in start order, and every article by publication date', async () => {
    const t = await timeline();
    expect(t.events.length).toBe([...seedEventStart.values()].filter(Boolean).length);
    expect(new Set(keys(t)).size).toBe(t.events.length);
    const starts = t.events.map((e) => e.start);
    expect(starts).toEqual([...starts].sort());
    for (const e of t.events) expect(e.start, e.key!).toBe(seedEventStart.get(e.key!));
    // The first day each can have been out: the Express piece (best estimate 13 October) from 10 October.
    expect(t.articles.map((a) => a.published)).toEqual([
      '2022-07-03',
      '2022-10-10',
      '2023-04-21',
      '2023-12-30',
      '2024-05-14',
    ]);
    expect(t.undated).toBe(0);
    expect(t.facts.supported).toBe(t.facts.total);
  });

  it('year buckets count events by start year and articles by publication year', async () => {
    const t = await timeline('?granularity=year');
    const expected = new Map<string, number>();
    for (const s of seedEventStart.values()) if (s) expected.set(s.slice(0, 4), (expected.get(s.slice(0, 4)) ?? 0) + 1);
    expect(t.buckets.map((b) => b.label)).toEqual(['2022', '2023', '2024']);
    for (const b of t.buckets) {
      expect(b.events, b.label).toBe(expected.get(b.label));
      expect(b.start).toBe(`${b.label}-01-01`);
      expect(b.end).toBe(`${b.label}-12-31`);
    }
    // Two 2022 articles (Telegraph, Express), two 2023 (WSJ, WaPo), one 2024.
    expect(t.buckets.map((b) => b.articles)).toEqual([2, 2, 1]);
  });

  it('month buckets are contiguous, include empty months, and put October 2022 where the Gubkin street strike is', async () => {
    const t = await timeline('?granularity=month');
    const labels = t.buckets.map((b) => b.label);
    expect(labels[0]).toBe(t.events[0]!.start.slice(0, 7));
    for (let i = 1; i < labels.length; i++) {
      const [y, m] = labels[i - 1]!.split('-').map(Number) as [number, number];
      const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
      expect(labels[i]).toBe(next);
    }
    expect(t.buckets.some((b) => b.events === 0 && b.articles === 0)).toBe(true);
    const oct = t.buckets.find((b) => b.label === '2022-10')!;
    const inOct = [...seedEventStart.values()].filter((s) => s?.startsWith('2022-10')).length;
    expect(oct.events).toBe(inOct);
    expect(oct.articles).toBe(1); // the Express piece of 2022-10-13
    expect(oct.end).toBe('2022-10-31');
  });
});

describe('range', () => {
  it('2023 keeps events overlapping 2023 and articles published in 2023', async () => {
    const t = await timeline('?from=2023-01-01&to=2023-12-31');
    const k = keys(t);
    expect(k).toContain('su-34-belgorod-accidental-release-2023-04-20');
    expect(k).toContain('belgorod-attack-2023-12-30');
    // Ranges that overlap 2023 count: border shelling since Feb 2022 (to 2023-12-30), the series from May 2023.
    expect(k).toContain('shelling-of-russian-border-regions');
    expect(k).toContain('russian-accidental-bombings-of-own-territory');
    expect(k).not.toContain('gubkin-street-strike-2022-10');
    expect(k).not.toContain('blinken-kyiv-visit-2024-05-14');
    for (const e of t.events) expect(e.end >= '2023-01-01' && e.start <= '2023-12-31', e.key!).toBe(true);
    expect(t.articles.map((a) => a.key)).toEqual([
      'wsj-2023-04-21-russia-mistakenly-bombs-own-city',
      'wapo-2023-12-30-belgorod-attack',
    ]);
  });

  it('an event carries its places (with coordinates), claim counts and contradiction flag', async () => {
    const t = await timeline('?from=2022-10-01&to=2022-10-31');
    const g = t.events.find((e) => e.key === 'gubkin-street-strike-2022-10')!;
    expect(g).toBeDefined();
    const belgorod = g.places.find((p) => p.key === 'belgorod')!;
    expect(belgorod.lat).toBeCloseTo(50.6, 1);
    expect(belgorod.lon).toBeCloseTo(36.6, 1);
    const seeded = seed.claims.filter((c) => c.about.includes('gubkin-street-strike-2022-10'));
    expect(g.claims.total).toBe(seeded.length);
    expect(g.claims.contested).toBe(seeded.filter((c) => c.status === 'contested').length);
    expect(g.claims.contested).toBeGreaterThanOrEqual(2);
    expect(g.contested).toBe(true);
    expect(g.sources).toBe(1); // everything about it comes from the Express article
    const kerch = t.events.find((e) => e.key === 'kerch-bridge-explosion-2022-10-08')!;
    expect(kerch.contested).toBe(false);
  });

  it('rejects bad dates and reversed ranges with 400 naming the parameter', async () => {
    for (const [q, param] of [
      ['?from=2023-02-30', 'from'],
      ['?to=yesterday', 'to'],
      ['?from=2024-01-01&to=2023-01-01', 'to'],
      ['?asReportedBy=2023-13-01', 'asReportedBy'],
      ['?granularity=week', 'granularity'],
    ] as const) {
      const r = await app.get(`/api/timeline${q}`);
      expect(r.status, q).toBe(400);
      expect(r.body.error.code).toBe('BAD_REQUEST');
      expect(r.body.error.param, q).toBe(param);
    }
  });
});

describe('as reported by', () => {
  it('2022-12-31: only what the two 2022 articles support', async () => {
    const all = await timeline();
    const t = await timeline('?asReportedBy=2022-12-31');
    expect(t.asReportedBy).toBe('2022-12-31');
    expect(t.articles.map((a) => a.key)).toEqual([
      'telegraph-2022-07-03-kremlin-accuses-ukraine-cluster-bomb-attack',
      'express-2022-10-13-russia-hits-own-building-in-belgorod',
    ]);
    const k = keys(t);
    // Reported in 2022:
    expect(k).toContain('gubkin-street-strike-2022-10');
    expect(k).toContain('belgorod-strike-2022-07-03');
    expect(k).toContain('kerch-bridge-explosion-2022-10-08');
    // Only reported in 2023-2024 (WSJ, WaPo, the 2024 piece):
    expect(k).not.toContain('su-34-belgorod-accidental-release-2023-04-20');
    expect(k).not.toContain('belgorod-attack-2023-12-30');
    expect(k).not.toContain('gladkov-report-to-putin-2023-01');
    expect(k).not.toContain('vovchansk-barrage-2024-05');
    expect(t.events.length).toBeLessThan(all.events.length);
    // The facts of the events listed then: fewer than those of every event, some not known yet.
    expect(t.facts.total).toBeLessThan(all.facts.total);
    expect(t.facts.supported).toBeGreaterThan(0);
    expect(t.facts.supported).toBeLessThan(t.facts.total);
    // Every event listed then has at least one source then.
    for (const e of t.events) expect(e.sources, e.key!).toBeGreaterThan(0);
  });

  it('counts fewer sources for an event when later articles are excluded', async () => {
    const now = await timeline();
    const then = await timeline('?asReportedBy=2022-12-31');
    const war = (t: TimelineResponse) => t.events.find((e) => e.key === 'russia-ukraine-war')!;
    expect(war(now).sources).toBeGreaterThan(war(then).sources);
    // A day before any article: nothing was known.
    const none = await timeline('?asReportedBy=2022-07-02');
    expect(none.events).toEqual([]);
    expect(none.articles).toEqual([]);
    expect(none.facts.supported).toBe(0);
  });

  it('combines with a range', async () => {
    const t = await timeline('?from=2022-10-01&to=2022-10-31&asReportedBy=2022-10-13');
    expect(keys(t)).toContain('gubkin-street-strike-2022-10');
    expect(t.articles.map((a) => a.key)).toEqual(['express-2022-10-13-russia-hits-own-building-in-belgorod']);
  });
});
