import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSeed } from '../../../src/dataset/index';
import { GraphPayloadSchema } from '../../../src/shared/graph';
import {
  ErrorBodySchema,
  HealthResponseSchema,
  NeighboursResponseSchema,
  NodeDetailResponseSchema,
  OverviewResponseSchema,
  PathsResponseSchema,
  SchemaResponseSchema,
  SearchResponseSchema,
} from '../../../src/shared/api/index';
import { SEED_DATA_DIR } from '../../../src/runtime/paths';
import { freePort } from '../../../src/runtime/managed/ports';
import { makeTestApi, type TestApi } from '../../support/api';
import { ensureSeeded } from '../../support/seeded';
import { testNeo4j } from '../../support/neo4j';

// The read endpoints on the seeded Belgorod graph. Expected values come from seed/data (the same
// files the loader read), so the assertions follow the data rather than hard-coded counts.
const seed = readSeed(SEED_DATA_DIR);
let api: TestApi;

beforeAll(async () => {
  await ensureSeeded();
  api = await makeTestApi();
});
afterAll(async () => api?.close());

const idOf = async (key: string): Promise<string> => {
  const r = await api.get(`/api/nodes/${encodeURIComponent(key)}`);
  expect(r.status).toBe(200);
  return r.body.node.id as string;
};

describe('GET /api/health', () => {
  it('reports the reachable Neo4j, its version and database', async () => {
    const r = await api.get('/api/health');
    expect(r.status).toBe(200);
    const body = HealthResponseSchema.parse(r.body);
    // The managed instance is the pinned 5.26 LTS; a NEO4J_URI database may be any 5.x or later.
    expect(body.neo4j.version).toMatch(testNeo4j().managedHome ? /^5\.26\./ : /^\d{1,4}\.\d+/);
    expect(body.neo4j.database).toBe(testNeo4j().database);
  });

  it('answers 503 quickly, with the error shape, when Neo4j is not there', async () => {
    const dead = await makeTestApi({ target: { uri: `bolt://127.0.0.1:${await freePort()}`, username: 'neo4j', password: 'x', database: 'neo4j' } });
    try {
      const r = await dead.get('/api/health');
      expect(r.status).toBe(503);
      expect(ErrorBodySchema.parse(r.body).error.code).toBe('NEO4J_UNAVAILABLE');
      expect(r.body.error.message).toMatch(/not reachable/);
      expect(JSON.stringify(r.body)).not.toMatch(/at .*\.js:\d+/); // no stack trace
      expect(r.headers['retry-after']).toBe('5');
      expect(r.ms).toBeLessThan(6_000);
      const s = await dead.get('/api/search?q=Gladkov');
      expect(s.status).toBe(503);
    } finally {
      await dead.close();
    }
  });
});

describe('GET /api/schema', () => {
  it('lists labels and types with their counts', async () => {
    const r = await api.get('/api/schema');
    expect(r.status).toBe(200);
    const s = SchemaResponseSchema.parse(r.body);
    const count = (l: string) => s.labels.find((x) => x.label === l)?.count;
    expect(count('Person')).toBe(seed.entities.filter((e) => e.label === 'Person').length);
    expect(count('Article')).toBe(seed.articles.length);
    expect(count('Claim')).toBe(seed.claims.length);
    expect(count('Entity')).toBe(seed.entities.length);
    const rel = (t: string) => s.relationshipTypes.find((x) => x.type === t)?.count;
    expect(rel('GOVERNOR_OF')).toBe(seed.relationships.filter((x) => x.type === 'GOVERNOR_OF').length);
    expect(rel('MADE')).toBe(seed.claims.length);
    expect(rel('MENTIONS')).toBe(seed.mentions.length);
    expect(s.totals.nodes).toBe(seed.articles.length + seed.entities.length + seed.claims.length);
    expect(s.propertyKeys).toEqual(expect.arrayContaining(['name', 'aliases', 'quote', 'evidence_quotes']));
    expect(s.search).toEqual({ mode: 'fulltext', index: 'entity_names' });
    expect(s.indexes.map((i) => i.name)).toContain('entity_names');
  });
});

describe('GET /api/search', () => {
  it('"Gladkov" returns the governor first', async () => {
    const r = await api.get('/api/search?q=Gladkov');
    expect(r.status).toBe(200);
    const s = SearchResponseSchema.parse(r.body);
    expect(s.mode).toBe('fulltext');
    expect(s.hits[0]!.node.key).toBe('vyacheslav-gladkov');
    expect(s.hits[0]!.exact).toBe(true);
    expect(s.hits[0]!.node.caption).toBe('Vyacheslav Gladkov');
  });

  it.each([
    ['Gladk', 'vyacheslav-gladkov'], // prefix
    ['Zelenskyy', 'volodymyr-zelensky'], // spelling variant
    ['Zelenskiy', 'volodymyr-zelensky'], // fuzzy (not an alias)
    ['gladkow', 'vyacheslav-gladkov'], // fuzzy
    ['vyacheslav gladkov', 'vyacheslav-gladkov'], // several words
    ['Lvova-Belova', 'maria-lvova-belova'], // hyphen, a Lucene operator
  ])('%s finds %s first', async (q, key) => {
    const r = await api.get(`/api/search?q=${encodeURIComponent(q)}`);
    expect(r.status).toBe(200);
    expect(r.body.hits[0]?.node.key).toBe(key);
  });

  it('escapes Lucene syntax instead of failing', async () => {
    for (const q of ['Gladkov AND (', '"unbalanced', 'a:b', '*', '~~~', 'foo^2', '\\', '[1 TO 2]', '&&||!']) {
      const r = await api.get(`/api/search?q=${encodeURIComponent(q)}`);
      expect(r.status, q).toBe(200);
      expect(Array.isArray(r.body.hits)).toBe(true);
    }
  });

  it('filters by label and honours limit', async () => {
    const r = await api.get('/api/search?q=Belgorod&labels=Place&limit=3');
    expect(r.status).toBe(200);
    expect(r.body.hits.length).toBeGreaterThan(0);
    expect(r.body.hits.length).toBeLessThanOrEqual(3);
    for (const h of r.body.hits) expect(h.node.labels).toContain('Place');
    expect(r.body.hits[0].node.key).toBe('belgorod');
    const events = await api.get('/api/search?q=Belgorod&labels=Event,Weapon');
    for (const h of events.body.hits) expect(h.node.labels.some((l: string) => l === 'Event' || l === 'Weapon')).toBe(true);
  });

  it.each([
    ['/api/search', 'q'],
    ['/api/search?q=', 'q'],
    ['/api/search?q=x&limit=0', 'limit'],
    ['/api/search?q=x&limit=abc', 'limit'],
    ['/api/search?q=x&limit=101', 'limit'],
    [`/api/search?q=${'x'.repeat(201)}`, 'q'],
  ])('%s → 400 naming %s', async (url, param) => {
    const r = await api.get(url);
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('BAD_REQUEST');
    expect(r.body.error.param).toBe(param);
    expect(r.body.error.message).toMatch(new RegExp(`^${param}: `));
  });
});

describe('GET /api/nodes/:id', () => {
  it('has properties, degrees, evidence quotes with article titles, and claims', async () => {
    const r = await api.get('/api/nodes/vyacheslav-gladkov');
    expect(r.status).toBe(200);
    const d = NodeDetailResponseSchema.parse(r.body);
    expect(d.node.key).toBe('vyacheslav-gladkov');
    expect(d.node.labels).toEqual(expect.arrayContaining(['Person', 'Entity']));
    expect(d.node.properties.aliases).toContain('Gladkov');

    const governor = d.degree.byType.find((t) => t.type === 'GOVERNOR_OF');
    expect(governor?.out).toBe(seed.relationships.filter((x) => x.type === 'GOVERNOR_OF' && x.from === 'vyacheslav-gladkov').length);
    expect(d.degree.total).toBe(d.degree.byType.reduce((s, t) => s + t.out + t.in, 0));

    // Every quote of the GOVERNOR_OF link, each with its article's title and outlet.
    const seedEvidence = seed.relationships.find((x) => x.type === 'GOVERNOR_OF' && x.from === 'vyacheslav-gladkov')!.evidence;
    const govEvidence = d.evidence.filter((e) => e.relationship?.type === 'GOVERNOR_OF');
    expect(govEvidence.map((e) => e.quote).sort()).toEqual(seedEvidence.map((e) => e.quote).sort());
    for (const e of govEvidence) {
      const article = seed.articles.find((a) => a.id === e.article.key)!;
      expect(e.article.title).toBe(article.title);
      expect(e.article.outlet).toBeTruthy();
      expect(e.article.published).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(e.relationship?.other.key).toBe('belgorod-region');
    }

    const made = seed.claims.filter((c) => c.claimant === 'vyacheslav-gladkov');
    expect(d.claimsMade.map((c) => c.key).sort()).toEqual(made.map((c) => c.id).sort());
    for (const c of d.claimsMade) {
      expect(c.claimant?.key).toBe('vyacheslav-gladkov');
      expect(c.about.length).toBeGreaterThan(0);
      expect(c.article?.title).toBeTruthy();
    }
    const mentioned = seed.mentions.filter((m) => m.entity === 'vyacheslav-gladkov');
    expect(d.mentions.length).toBe(mentioned.length);
  });

  it('shows claims about an event with their contradicting claims', async () => {
    const pair = seed.claims.find((c) => c.contradicts.length > 0)!;
    const event = pair.about[0]!;
    const r = await api.get(`/api/nodes/${event}`);
    expect(r.status).toBe(200);
    const d = NodeDetailResponseSchema.parse(r.body);
    expect(d.claimsAbout.map((c) => c.key)).toContain(pair.id);
    const c = d.claimsAbout.find((x) => x.key === pair.id)!;
    expect(c.contradicts.map((o) => o.key)).toEqual(expect.arrayContaining(pair.contradicts));
    expect(c.contradicts[0]!.claimant).not.toBeNull();
  });

  it('shows a claim node with its own quote and who made it', async () => {
    const claim = seed.claims[0]!;
    const r = await api.get(`/api/nodes/${claim.id}`);
    expect(r.status).toBe(200);
    const d = NodeDetailResponseSchema.parse(r.body);
    expect(d.claim?.claimant?.key).toBe(claim.claimant);
    expect(d.evidence[0]).toMatchObject({ relationship: null, quote: claim.evidence.quote, start: claim.evidence.start });
  });

  it('accepts the element id as well as our id, and 404s unknown ids', async () => {
    const eid = await idOf('belgorod');
    const byElement = await api.get(`/api/nodes/${encodeURIComponent(eid)}`);
    expect(byElement.status).toBe(200);
    expect(byElement.body.node.key).toBe('belgorod');
    for (const bad of ['no-such-node', encodeURIComponent(eid.replace(/:\d+$/, ':99999999'))]) {
      const r = await api.get(`/api/nodes/${bad}`);
      expect(r.status).toBe(404);
      expect(r.body.error.code).toBe('NOT_FOUND');
    }
  });
});

describe('GET /api/nodes/:id/neighbours', () => {
  it("Gladkov's neighbours include the Belgorod region", async () => {
    const r = await api.get('/api/nodes/vyacheslav-gladkov/neighbours');
    expect(r.status).toBe(200);
    const n = NeighboursResponseSchema.parse(r.body);
    expect(n.nodes.map((x) => x.key)).toContain('belgorod-region');
    const region = n.nodes.find((x) => x.key === 'belgorod-region')!;
    const edge = n.edges.find((e) => e.target === region.id && e.type === 'GOVERNOR_OF');
    expect(edge?.source).toBe(n.center);
    expect(edge?.properties.quote).toBeTruthy();
    expect(n.returned).toBe(n.total);
    expect(n.more).toEqual({});
  });

  it('caps the expansion and pages through it, with per-type "more" counts', async () => {
    const all = await api.get('/api/nodes/belgorod-region/neighbours?limit=500');
    expect(all.status).toBe(200);
    const total = all.body.total as number;
    expect(total).toBeGreaterThan(6);
    const seen = new Set<string>();
    let skip = 0;
    const limit = 4;
    for (;;) {
      const page = await api.get(`/api/nodes/belgorod-region/neighbours?limit=${limit}&skip=${skip}`);
      const p = NeighboursResponseSchema.parse(page.body);
      expect(p.edges.length).toBe(p.returned);
      expect(p.returned).toBeLessThanOrEqual(limit);
      for (const e of p.edges) {
        expect(seen.has(e.id)).toBe(false);
        seen.add(e.id);
      }
      const remaining = Object.values(p.more).reduce((s, x) => s + x, 0);
      expect(remaining).toBe(total - skip - p.returned);
      expect(p.byType).toEqual(all.body.byType);
      skip += p.returned;
      if (remaining === 0) break;
    }
    expect(seen.size).toBe(total);
  });

  it('filters by type, direction and neighbour label', async () => {
    const r = await api.get('/api/nodes/belgorod-region/neighbours?types=OCCURRED_IN&direction=in&labels=Event');
    expect(r.status).toBe(200);
    const n = NeighboursResponseSchema.parse(r.body);
    expect(n.edges.length).toBeGreaterThan(0);
    for (const e of n.edges) {
      expect(e.type).toBe('OCCURRED_IN');
      expect(e.target).toBe(n.center);
    }
    for (const node of n.nodes.filter((x) => x.id !== n.center)) expect(node.labels).toContain('Event');
    const out = await api.get('/api/nodes/belgorod-region/neighbours?types=OCCURRED_IN&direction=out');
    expect(out.body.total).toBe(0);
  });

  it.each([
    ['limit=0', 'limit'],
    ['limit=501', 'limit'],
    ['skip=-1', 'skip'],
    ['direction=up', 'direction'],
  ])('%s → 400', async (qs, param) => {
    const r = await api.get(`/api/nodes/belgorod/neighbours?${qs}`);
    expect(r.status).toBe(400);
    expect(r.body.error.param).toBe(param);
  });

  it('404s an unknown node', async () => {
    expect((await api.get('/api/nodes/nobody/neighbours')).status).toBe(404);
  });
});

describe('GET /api/paths', () => {
  it('finds paths between Gladkov and Zelensky', async () => {
    const r = await api.get('/api/paths?from=vyacheslav-gladkov&to=volodymyr-zelensky');
    expect(r.status).toBe(200);
    const p = PathsResponseSchema.parse(r.body);
    expect(p.paths.length).toBeGreaterThan(0);
    expect(p.length).toBeGreaterThan(0);
    const ids = new Set(p.nodes.map((n) => n.id));
    for (const path of p.paths) {
      expect(path.nodes[0]).toBe(p.from);
      expect(path.nodes.at(-1)).toBe(p.to);
      expect(path.edges.length).toBe(p.length);
      for (const n of path.nodes) expect(ids.has(n)).toBe(true);
    }
    expect(p.nodes.find((n) => n.id === p.from)?.key).toBe('vyacheslav-gladkov');
  });

  it('can leave article mentions out, and caps the number of paths', async () => {
    const r = await api.get('/api/paths?from=vyacheslav-gladkov&to=volodymyr-zelensky&exclude=MENTIONS&maxHops=6&limit=1');
    expect(r.status).toBe(200);
    expect(r.body.paths.length).toBe(1);
    for (const e of r.body.edges) expect(e.type).not.toBe('MENTIONS');
  });

  it('returns no path (not an error) when none exists within maxHops', async () => {
    const r = await api.get('/api/paths?from=vyacheslav-gladkov&to=volodymyr-zelensky&maxHops=1');
    expect(r.status).toBe(200);
    expect(r.body.paths).toEqual([]);
    expect(r.body.length).toBeNull();
  });

  it.each([
    ['from=vyacheslav-gladkov', 400, 'to'],
    ['from=vyacheslav-gladkov&to=volodymyr-zelensky&maxHops=9', 400, 'maxHops'],
    ['from=vyacheslav-gladkov&to=vyacheslav-gladkov', 400, 'to'],
    ['from=nobody&to=volodymyr-zelensky', 404, undefined],
  ])('%s → %i', async (qs, status, param) => {
    const r = await api.get(`/api/paths?${qs}`);
    expect(r.status).toBe(status);
    if (param) expect(r.body.error.param).toBe(param);
  });
});

describe('GET /api/overview', () => {
  it('returns the whole (small) graph, drawable', async () => {
    const r = await api.get('/api/overview');
    expect(r.status).toBe(200);
    const o = OverviewResponseSchema.parse(r.body);
    expect(o.mode).toBe('whole');
    expect(o.truncated).toBe(false);
    expect(o.nodes.length).toBe(o.totals.nodes);
    expect(o.edges.length).toBe(o.totals.relationships);
    const ids = new Set(o.nodes.map((n) => n.id));
    for (const e of o.edges) expect(ids.has(e.source) && ids.has(e.target)).toBe(true);
    GraphPayloadSchema.parse({ nodes: o.nodes, edges: o.edges });
  });

  it('converts Neo4j values to JSON faithfully', async () => {
    const r = await api.get('/api/overview');
    const belgorod = r.body.nodes.find((n: { key: string }) => n.key === 'belgorod');
    const seedPlace = seed.entities.find((e) => e.data.id === "belgorod")!.data as unknown as { location: { lat: number; lon: number } };
    expect(belgorod.properties.location).toEqual({ lat: seedPlace.location.lat, lon: seedPlace.location.lon });
    const article = r.body.nodes.find((n: { key: string }) => n.key === seed.articles[0]!.id);
    expect(article.properties.published).toBe(String(seed.articles[0]!.published));
    expect(typeof article.properties.length).toBe('number');
  });
});

describe('errors, headers, OpenAPI', () => {
  it('unknown /api paths are JSON 404s', async () => {
    const r = await api.get('/api/nope');
    expect(r.status).toBe(404);
    expect(ErrorBodySchema.parse(r.body).error.code).toBe('NOT_FOUND');
  });

  it('sends security headers and a CSP that lets the layout worker run', async () => {
    const r = await api.get('/api/health');
    const csp = String(r.headers['content-security-policy']);
    expect(csp).toContain("worker-src 'self' blob:");
    expect(csp).toContain("img-src 'self' data: blob:");
    expect(csp).toContain("default-src 'self'");
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(r.headers['access-control-allow-origin']).toBeUndefined();
    expect(r.headers['cache-control']).toBe('no-store');
  });

  it('rejects bodies over the limit and broken JSON with the error shape', async () => {
    const big = await api.post('/api/cypher', { query: `RETURN '${'x'.repeat(300_000)}'` });
    expect(big.status).toBe(413);
    expect(big.body.error.code).toBe('PAYLOAD_TOO_LARGE');
    const broken = await api.app.inject({ method: 'POST', url: '/api/cypher', payload: '{"query": ', headers: { 'content-type': 'application/json' } });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error.code).toBe('BAD_REQUEST');
  });

  it('serves an OpenAPI 3.1 document generated from the schemas', async () => {
    const r = await api.get('/api/openapi.json');
    expect(r.status).toBe(200);
    expect(r.body.openapi).toBe('3.1.0');
    for (const p of ['/api/health', '/api/schema', '/api/search', '/api/nodes/{id}', '/api/nodes/{id}/neighbours', '/api/paths', '/api/overview', '/api/queries', '/api/queries/{name}/run', '/api/cypher', '/api/openapi.json']) {
      expect(Object.keys(r.body.paths)).toContain(p);
    }
    const search = r.body.paths['/api/search'].get;
    expect(search.parameters.map((p: { name: string }) => p.name)).toEqual(['q', 'labels', 'limit']);
    expect(search.parameters[0].required).toBe(true);
    expect(search.parameters[2].required).toBe(false);
    expect(search.parameters[2].schema).toMatchObject({ type: 'integer', minimum: 1, maximum: 100, default: 20 });
    expect(r.body.paths['/api/cypher'].post.requestBody.content['application/json'].schema.properties.query.type).toBe('string');
    expect(r.body.paths['/api/nodes/{id}'].get.responses['404'].content['application/json'].schema.$ref).toBe('#/components/schemas/ErrorBody');
  });
});

describe('NEWSGRAPH_TOKEN', () => {
  it('requires the bearer token on every /api call when set', async () => {
    const secured = await makeTestApi({ envVars: { NEWSGRAPH_TOKEN: 'correct-horse-battery' } });
    try {
      const none = await secured.get('/api/health');
      expect(none.status).toBe(401);
      expect(none.body.error.code).toBe('UNAUTHORIZED');
      expect(none.headers['www-authenticate']).toMatch(/^Bearer/);
      expect((await secured.get('/api/search?q=x', { authorization: 'Bearer wrong-token-here' })).status).toBe(401);
      expect((await secured.post('/api/cypher', { query: 'RETURN 1' })).status).toBe(401);
      const ok = await secured.get('/api/search?q=Gladkov', { authorization: 'Bearer correct-horse-battery' });
      expect(ok.status).toBe(200);
      expect(ok.body.hits[0].node.key).toBe('vyacheslav-gladkov');
    } finally {
      await secured.close();
    }
  });
});
