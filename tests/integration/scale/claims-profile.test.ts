import { describe, expect, it } from 'vitest';
import type { Generated } from '../../../bench/generate';
import { OwnNeo4j } from '../../support/own-neo4j';
import { elementIdOf, measureAtSizes, type Hits, type ProfiledApi } from './profile-support';

// Database hits of one event's claims on the generated news graph at two sizes, the second 10×
// the first: the cost must follow the event's claims, not the graph (no scan of every node, of
// every claim, or of every article for "as reported by"), so one fixed bound holds at both sizes.
const SIZES = [2_000, 20_000] as const;
const e = encodeURIComponent;

// The probe event is the generator's most-claimed one: 17 claims at 2,000, 90 (by 76 claimants) at
// 20,000. 3,000 hits cannot answer 90 claims: each costs ~25 (the claim, its claimant, article and
// contradictions) plus its claimant's side, a walk of up to four hops whose every node's relationships
// are read (up to ~50 each before Neo4j groups them by type). So one bound for 100 claims at 200
// hits each, and, per claim answered, 250 at both sizes: what reading every claim, article or
// organization, or every path rather than every node of a walk, cost before (8,389 hits, 493 a claim,
// at 2,000; 92,941, 1,033 a claim, at 20,000) is far over both.
const BOUND = 20_000;
const PER_CLAIM = 250;

interface Probe {
  name: string;
  url: (event: { id: string; key: string }) => string;
  bound: number;
}
const PROBES: Probe[] = [
  { name: 'one event by elementId', url: (v) => `/api/claims?event=${e(v.id)}`, bound: BOUND },
  { name: 'one event by key', url: (v) => `/api/claims?event=${e(v.key)}`, bound: BOUND },
  {
    name: 'one event as reported by a day',
    url: (v) => `/api/claims?event=${e(v.key)}&asReportedBy=2024-06-01`,
    bound: BOUND,
  },
];
const claims = (x: Hits): number => x.body.events.reduce((n: number, v: any) => n + v.counts.total, 0);

const own = new OwnNeo4j();
const figures = new Map<string, ({ size: number } & Hits)[]>();

async function measure(size: number, g: Generated, api: ProfiledApi): Promise<void> {
  const event = { key: g.probes.event, id: await elementIdOf(api, g.probes.event) };
  for (const p of PROBES) {
    const r = await api.dbHits(p.url(event));
    figures.set(p.name, [...(figures.get(p.name) ?? []), { size, ...r }]);
  }
}

measureAtSizes(own, SIZES, measure);

describe("one event's claims: database hits stay within one bound when the graph grows 10×", () => {
  it.each(PROBES.map((p) => [p.name, p.bound] as const))('%s: ≤ %i db hits', (name, bound) => {
    const f = figures.get(name)!;
    expect(f.map((x) => x.size)).toEqual([...SIZES]);
    process.stdout.write(
      `claims, ${name}: ${f.map((x) => `${x.hits} hits (work ${x.work}) for ${claims(x)} claims at ${x.size}`).join(', ')}\n`,
    );
    for (const x of f) {
      expect(x.statements, x.queries.join('\n---\n')).toBe(1);
      expect(x.hits).toBeLessThanOrEqual(bound);
      expect(x.hits).toBeLessThanOrEqual(PER_CLAIM * Math.max(1, claims(x)));
    }
  });

  it('the probes answer what they were asked for (else their cost proves nothing)', () => {
    for (const p of PROBES.slice(0, 2)) {
      const body = figures.get(p.name)![1]!.body;
      expect(body.events).toHaveLength(1);
      expect(body.events[0].counts.total).toBeGreaterThan(0);
      expect(body.truncated).toBe(false);
    }
  });
});
