import { describe, expect, it } from 'vitest';
import { OwnNeo4j } from '../../support/own-neo4j';
import { measureAtSizes, type Hits } from './profile-support';

// The timeline's database hits on the generated news graph at two sizes, the second 10× the first
// (as read-profile.test.ts, whose helpers this reuses). Its answer is every event and article in the
// range (up to the cap), so without a range it grows with the graph: there the bound is per item of
// the answer (each event's relationships, places and claims), and the cost may grow no faster than
// the answer. A month's answer stays small: one fixed bound, which leaves room for the one pass over
// the events' and articles' dates (a few hits each) but not for reading every relationship (the
// fact counts once did) or every event's relationships before the cap.
const SIZES = [2_000, 20_000] as const;

interface Probe {
  name: string;
  url: string;
  /** At both sizes: hits ≤ this × (events + articles answered). */
  perItem?: number;
  /** At both sizes: hits ≤ this. */
  bound?: number;
  /** Hits at the larger size ≤ this × (the answer's growth) × hits at the smaller one. */
  growth?: number;
  /** At both sizes: hits ≤ this × the whole timeline's hits at that size. */
  ofWhole?: number;
}
const PROBES: Probe[] = [
  // What the explorer asks on load.
  { name: 'timeline, whole', url: '/api/timeline?granularity=month', perItem: 150, growth: 1.3 },
  { name: 'timeline, one month', url: '/api/timeline?granularity=month&from=2023-01-01&to=2023-01-31', bound: 10_000 },
  // Each "known by then" is one index seek of the cited article; an event is dropped at its first known
  // source or after its relationships: at most a small factor over the whole timeline.
  {
    name: 'timeline, as reported by a day',
    url: '/api/timeline?granularity=month&asReportedBy=2022-06-30',
    ofWhole: 2,
  },
];

const own = new OwnNeo4j();
const figures = new Map<string, ({ size: number } & Hits)[]>();
const items = (x: Hits) => (x.body.events.length as number) + (x.body.articles.length as number);

measureAtSizes(own, SIZES, async (size, _g, api) => {
  for (const p of PROBES) figures.set(p.name, [...(figures.get(p.name) ?? []), { size, ...(await api.dbHits(p.url)) }]);
});

describe('the timeline: database hits follow the answer when the graph grows 10×', () => {
  it.each(PROBES.map((p) => p.name))('%s', (name) => {
    const f = figures.get(name)!;
    const p = PROBES.find((x) => x.name === name)!;
    expect(f.map((x) => x.size)).toEqual([...SIZES]);
    process.stdout.write(
      `${name}: ${f.map((x) => `${x.hits} hits for ${items(x)} items (${x.body.events.length} events) at ${x.size}`).join(', ')}\n`,
    );
    for (const [k, x] of f.entries()) {
      expect(x.body.truncated).toBe(false);
      expect(x.body.events.length).toBeGreaterThan(0);
      if (p.perItem) expect(x.hits).toBeLessThanOrEqual(p.perItem * items(x));
      if (p.bound) expect(x.hits).toBeLessThanOrEqual(p.bound);
      if (p.ofWhole) expect(x.hits).toBeLessThanOrEqual(p.ofWhole * figures.get('timeline, whole')![k]!.hits);
    }
    if (p.growth) expect(f[1]!.hits).toBeLessThanOrEqual((p.growth * f[0]!.hits * items(f[1]!)) / items(f[0]!));
  });

  it('the probes answer what they were asked for (else their cost proves nothing)', () => {
    const [small, large] = figures.get('timeline, whole')!.map((x) => x.body);
    // The whole timeline grows with the graph; a month and "as reported by" hold less than it.
    expect(large.events.length).toBeGreaterThan(5 * small.events.length);
    for (const [k, whole] of [small, large].entries()) {
      expect(figures.get('timeline, one month')![k]!.body.events.length).toBeLessThan(whole.events.length / 5);
      const asOf = figures.get('timeline, as reported by a day')![k]!.body;
      expect(asOf.events.length).toBeLessThanOrEqual(whole.events.length);
      expect(asOf.articles.length).toBeLessThan(whole.articles.length / 3);
      expect(asOf.facts.supported).toBeLessThan(asOf.facts.total);
    }
  });
});
