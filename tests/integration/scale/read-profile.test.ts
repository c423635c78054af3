import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Generated } from '../../../bench/generate';
import { OwnNeo4j } from '../../support/own-neo4j';
import { elementIdOf, loadGenerated, ProfiledApi } from './profile-support';

// Database hits (PROFILE of exactly the Cypher each request ran) of the read endpoints on the
// generated news graph at two sizes, the second 10× the first: the cost must follow the answer
// (a page, the caps) and not the graph, so one fixed bound holds at both sizes. The bounds sit
// well above today's figures and far below what a scan of the hub's neighbourhood costs at the
// larger size.
const SIZES = [2_000, 20_000] as const;

interface Probe {
  name: string;
  url: (ids: Ids) => string;
  bound: number;
}
interface Ids {
  small: string;
  small2: string;
  hub: string;
}
const e = encodeURIComponent;
const PROBES: Probe[] = [
  { name: 'node detail (ordinary node)', url: (i) => `/api/nodes/${e(i.small)}`, bound: 1_500 },
  { name: 'node detail (hub)', url: (i) => `/api/nodes/${e(i.hub)}`, bound: 12_000 },
  { name: 'expand (ordinary node)', url: (i) => `/api/nodes/${e(i.small)}/neighbours?limit=100`, bound: 1_000 },
  { name: 'expand (hub), first page', url: (i) => `/api/nodes/${e(i.hub)}/neighbours?limit=100`, bound: 3_000 },
  {
    name: 'expand (hub), second page',
    url: (i) => `/api/nodes/${e(i.hub)}/neighbours?limit=100&skip=100`,
    bound: 3_000,
  },
  {
    name: 'expand (hub), one type',
    // At most RANK_MAX relationships ranked by the neighbour's degree (~2 hits each), then the page.
    url: (i) => `/api/nodes/${e(i.hub)}/neighbours?limit=50&types=MENTIONS`,
    bound: 3_000,
  },
  { name: 'paths (≤ 4 hops)', url: (i) => `/api/paths?from=${e(i.small)}&to=${e(i.small2)}&maxHops=4`, bound: 10_000 },
  {
    // What the explorer asks: mentions are not followed, so a hub's flood of them is never read.
    name: 'paths (≤ 6 hops, no mentions)',
    url: (i) => `/api/paths?from=${e(i.small)}&to=${e(i.small2)}&maxHops=6&exclude=MENTIONS`,
    bound: 10_000,
  },
];

const own = new OwnNeo4j();
const figures = new Map<string, { size: number; hits: number; statements: number; body: any }[]>();
const hubDegree: number[] = [];
let hubKey = '';

async function measure(size: number): Promise<void> {
  const g: Generated = await loadGenerated(own, size);
  hubKey = g.probes.hub;
  const api = await ProfiledApi.open(own);
  try {
    const ids: Ids = {
      small: await elementIdOf(api, g.probes.small[0]!),
      small2: await elementIdOf(api, g.probes.small[1]!),
      hub: await elementIdOf(api, g.probes.hub),
    };
    for (const p of PROBES) {
      const r = await api.dbHits(p.url(ids));
      figures.set(p.name, [...(figures.get(p.name) ?? []), { size, ...r }]);
    }
    hubDegree.push((await api.get(`/api/nodes/${e(ids.hub)}`)).body.degree.total as number);
  } finally {
    await api.close();
  }
}

beforeAll(async () => {
  await own.start();
  for (const size of SIZES) await measure(size);
}, 300_000);
afterAll(async () => own.dispose());

describe('read endpoints: database hits stay within one bound when the graph grows 10×', () => {
  it('the hub really grows with the graph (else the test proves nothing)', () => {
    expect(hubDegree[1]!).toBeGreaterThan(5 * hubDegree[0]!);
    expect(hubDegree[1]!).toBeGreaterThan(500);
  });

  it.each(PROBES.map((p) => [p.name, p.bound] as const))('%s: ≤ %i db hits at both sizes', (name, bound) => {
    const f = figures.get(name)!;
    expect(f.map((x) => x.size)).toEqual([...SIZES]);
    process.stdout.write(`${name}: ${f.map((x) => `${x.hits} hits at ${x.size}`).join(', ')}\n`);
    for (const x of f) {
      expect(x.statements).toBe(1);
      expect(x.hits).toBeGreaterThan(0);
      expect(x.hits).toBeLessThanOrEqual(bound);
    }
  });

  it('pages of the hub are full and disjoint, and their counts add up', () => {
    const [first, second] = [figures.get('expand (hub), first page')!, figures.get('expand (hub), second page')!];
    const a = first[1]!.body;
    const b = second[1]!.body;
    expect(a.returned).toBe(100);
    expect(b.returned).toBe(100);
    const ids = new Set(a.edges.map((x: { id: string }) => x.id));
    for (const x of b.edges) expect(ids.has(x.id)).toBe(false);
    const left = (m: Record<string, number>) => Object.values(m).reduce((s, c) => s + c, 0);
    expect(left(a.more)).toBe(a.total - 100);
    expect(left(b.more)).toBe(b.total - 200);
  });
});

describe('a relationship type created after the server read the type list', () => {
  it('is counted at once by detail and expansion (the degree check re-reads the list)', async () => {
    const api = await ProfiledApi.open(own);
    const driver = own.driver();
    try {
      const hub = (await api.get(`/api/nodes/${e(hubKey)}`)).body.node.id as string;
      const before = (await api.get(`/api/nodes/${e(hub)}/neighbours?limit=5`)).body;
      await driver.executeQuery(
        'MATCH (n) WHERE elementId(n) = $hub CREATE (n)-[:`BRAND NEW`]->(:Scratch {name: "x"})',
        { hub },
        { database: own.target.database },
      );
      const after = (await api.get(`/api/nodes/${e(hub)}/neighbours?limit=5`)).body;
      expect(after.byType['BRAND NEW']).toBe(1);
      expect(after.total).toBe(before.total + 1);
      const detail = (await api.get(`/api/nodes/${e(hub)}`)).body;
      expect(detail.degree.byType).toContainEqual({ type: 'BRAND NEW', out: 1, in: 0 });
      expect(detail.degree.total).toBe(before.total + 1);
    } finally {
      await driver.close();
      await api.close();
    }
  });
});
