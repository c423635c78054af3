import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  NeighboursResponseSchema,
  NodeDetailResponseSchema,
  OverviewResponseSchema,
  PathsResponseSchema,
  QueryResultSchema,
  RelationshipDetailResponseSchema,
  SchemaResponseSchema,
  SearchResponseSchema,
  ValuesResponseSchema,
} from '../../../src/shared/api/index';
import { makeTestApi, type TestApi } from '../../support/api';
import { OwnNeo4j } from '../../support/own-neo4j';
import { upgradeSeededSchema } from '../../../src/dataset/schema-upgrade';
import { SCHEMA_CYPHER } from '../../../src/runtime/paths';

// The API against a database that is not ours: a second, throw-away Neo4j holding a small
// movie graph, without our labels, `id` keys or full-text index. Also where Neo4j is stopped
// and restarted under a running API: 503 while down, back to 200 without restarting the API.

const own = new OwnNeo4j();
/** A long text property (36,000 characters, an emoji across the cut): list payloads clip it, the detail does not. */
const SYNOPSIS = `${'Neo returns. '.repeat(76)}${'a'.repeat(11)}🙂${'x'.repeat(36_000 - 76 * 13 - 13)}`;
let target: { uri: string; username: string; password: string; database: string };
let api: TestApi;
let admin: Driver;

beforeAll(async () => {
  await own.start();
  target = own.target;
  admin = neo4j.driver(target.uri, neo4j.auth.basic(target.username, target.password));
  // Once held our model, then wiped with DETACH DELETE: labels that keep an index or constraint
  // stay in db.labels() with no nodes behind them.
  for (const q of [
    'CREATE CONSTRAINT old_entity_key FOR (n:Entity) REQUIRE n.key IS UNIQUE',
    'CREATE INDEX old_article_url FOR (n:Article) ON (n.url)',
    'CREATE INDEX old_claim_status FOR (n:Claim) ON (n.status)',
    'CREATE FULLTEXT INDEX old_entity_names FOR (n:Entity) ON EACH [n.name, n.aliases]',
    "CREATE (:Entity:Organization {key: 'gone'})-[:MADE]->(:Claim)<-[:REPORTS]-(:Article)",
    'MATCH (n) DETACH DELETE n',
    'CALL db.awaitIndexes(60)',
  ])
    await admin.executeQuery(q, {}, { database: target.database });
  await admin.executeQuery(
    `CREATE (matrix:Movie {title: 'The Matrix', released: 1999, tagline: 'Welcome to the Real World',
                           budget: 9007199254740993, premiere: date('1999-03-31'), runtime: duration('PT2H16M'),
                           shotAt: point({latitude: -33.8688, longitude: 151.2093})}),
            (reloaded:Movie {title: 'The Matrix Reloaded', released: 2003, synopsis: $synopsis}),
            (speed:Movie {title: 'Speed', released: 1994}),
            (keanu:Actor:Person {name: 'Keanu Reeves', born: 1964, aliases: ['Neo']}),
            (carrie:Actor:Person {name: 'Carrie-Anne Moss', born: 1967}),
            (sandra:Actor:Person {name: 'Sandra Bullock', born: 1964}),
            (lana:Director:Person {name: 'Lana Wachowski'}),
            (anon:Extra {code: 'x-17'}),
            (keanu)-[:ACTED_IN {roles: ['Neo']}]->(matrix),
            (keanu)-[:ACTED_IN {roles: ['Neo']}]->(reloaded),
            (keanu)-[:ACTED_IN {roles: ['Jack Traven']}]->(speed),
            (carrie)-[:ACTED_IN {roles: ['Trinity']}]->(matrix),
            (sandra)-[:ACTED_IN {roles: ['Annie']}]->(speed),
            (lana)-[:DIRECTED]->(matrix),
            (lana)-[:DIRECTED {notes: $synopsis, year: 2003}]->(reloaded),
            (anon)-[:APPEARED_IN]->(speed)`,
    { synopsis: SYNOPSIS },
    { database: target.database },
  );
  api = await makeTestApi({ target });
});

afterAll(async () => {
  await api?.close();
  await admin?.close();
  await own.dispose();
});

const find = async (q: string) => {
  const r = await api.get(`/api/search?q=${encodeURIComponent(q)}`);
  expect(r.status).toBe(200);
  return SearchResponseSchema.parse(r.body);
};

describe('an unrelated movie graph', () => {
  it('schema: its labels, types and counts; search falls back to a scan', async () => {
    const r = await api.get('/api/schema');
    expect(r.status).toBe(200);
    const s = SchemaResponseSchema.parse(r.body);
    const labels = Object.fromEntries(s.labels.map((l) => [l.label, l.count]));
    expect(labels).toMatchObject({ Movie: 3, Actor: 3, Person: 4, Director: 1, Extra: 1 });
    const types = Object.fromEntries(s.relationshipTypes.map((t) => [t.type, t.count]));
    expect(types).toEqual({ ACTED_IN: 5, DIRECTED: 2, APPEARED_IN: 1 });
    expect(s.totals).toEqual({ nodes: 8, relationships: 8 });
    expect(s.search).toEqual({ mode: 'scan', index: null, indexes: [] });
    expect(s.propertyKeys).toEqual(expect.arrayContaining(['title', 'name', 'roles']));
    // Not set up by newsgraph: ingest will not write here, and the explorer learns why up front.
    expect(s.ingest.writable).toBe(false);
    // Nor does `npm start` bring newsgraph's schema to it: not one index is created.
    const indexes = () =>
      admin.executeQuery('SHOW INDEXES YIELD name RETURN collect(name) AS n', {}, { database: target.database });
    const before = (await indexes()).records[0]!.get('n') as string[];
    expect(await upgradeSeededSchema(admin, target.database, SCHEMA_CYPHER)).toBeNull();
    expect((await indexes()).records[0]!.get('n')).toEqual(before);
    expect(s.ingest.reason).toMatch(
      /^The connected database neo4j has no newsgraph schema .* ingest will not write to it/,
    );
  });

  it('labels whose nodes are all gone do not make it look like a news graph', async () => {
    const r = await api.get('/api/perspective');
    expect(r.status).toBe(200);
    const p = r.body as {
      origin: string;
      claimsUnavailable: string | null;
      perspective: { labels: { label: string }[] };
    };
    expect(p.origin).toBe('derived');
    expect(p.perspective.labels.map((l) => l.label).sort()).toEqual(['Actor', 'Director', 'Extra', 'Movie', 'Person']);
    expect(p.claimsUnavailable).not.toBeNull();
  });

  it('search (scan): names, titles, aliases, prefix and multi-word, ranked', async () => {
    const keanu = await find('keanu');
    expect(keanu.mode).toBe('scan');
    expect(keanu.hits[0]!.node.caption).toBe('Keanu Reeves');
    // No claims here (no :Claim label, no claim index): every hit is a plain node.
    expect(keanu.hits.every((h) => h.kind === 'node' && h.claimant === null)).toBe(true);
    const neo = await find('Neo');
    expect(neo.hits[0]!.node.caption).toBe('Keanu Reeves'); // via aliases
    expect(neo.hits[0]!.exact).toBe(true);
    const matrix = await find('the matrix');
    expect(matrix.hits.map((h) => h.node.caption)).toEqual(['The Matrix', 'The Matrix Reloaded']);
    expect(matrix.hits[0]!.exact).toBe(true);
    const both = await find('reeves keanu');
    expect(both.hits[0]?.node.caption).toBe('Keanu Reeves');
    const movies = await api.get('/api/search?q=s&labels=Movie');
    for (const h of movies.body.hits) expect(h.node.labels).toContain('Movie');
    expect((await find('zzzz')).hits).toEqual([]);
  });

  it('captions fall back through name, title and any short text; values convert', async () => {
    const o = await api.get('/api/overview');
    const overview = OverviewResponseSchema.parse(o.body);
    expect(overview.mode).toBe('whole');
    expect(overview.nodes.length).toBe(8);
    const matrix = overview.nodes.find((n) => n.caption === 'The Matrix')!;
    expect(matrix.key).toBeNull();
    expect(matrix.properties).toMatchObject({
      budget: '9007199254740993',
      released: 1999,
      premiere: '1999-03-31',
      runtime: 'PT2H16M',
      shotAt: { lat: -33.8688, lon: 151.2093 },
    });
    const extra = overview.nodes.find((n) => n.labels.includes('Extra'))!;
    expect(extra.caption).toBe('x-17'); // its one short text, never the whole element id
  });

  it('expands a node by element id, with filters and "more" counts', async () => {
    const keanu = (await find('Keanu Reeves')).hits[0]!.node;
    const r = await api.get(`/api/nodes/${encodeURIComponent(keanu.id)}/neighbours`);
    expect(r.status).toBe(200);
    const n = NeighboursResponseSchema.parse(r.body);
    expect(n.nodes.map((x) => x.caption).sort()).toEqual([
      'Keanu Reeves',
      'Speed',
      'The Matrix',
      'The Matrix Reloaded',
    ]);
    expect(n.edges.every((e) => e.type === 'ACTED_IN' && e.source === keanu.id)).toBe(true);
    const capped = await api.get(`/api/nodes/${encodeURIComponent(keanu.id)}/neighbours?limit=1`);
    expect(capped.body.returned).toBe(1);
    expect(capped.body.more).toEqual({ ACTED_IN: 2 });

    const matrix = (await find('The Matrix')).hits[0]!.node;
    const directors = await api.get(
      `/api/nodes/${encodeURIComponent(matrix.id)}/neighbours?types=DIRECTED&direction=in`,
    );
    expect(directors.body.nodes.map((x: { caption: string }) => x.caption).sort()).toEqual([
      'Lana Wachowski',
      'The Matrix',
    ]);
  });

  it('node detail works without evidence or claims', async () => {
    const keanu = (await find('Keanu Reeves')).hits[0]!.node;
    const r = await api.get(`/api/nodes/${encodeURIComponent(keanu.id)}`);
    expect(r.status).toBe(200);
    const d = NodeDetailResponseSchema.parse(r.body);
    expect(d.degree).toEqual({ total: 3, byType: [{ type: 'ACTED_IN', out: 3, in: 0 }] });
    expect(d.evidence).toEqual([]);
    expect(d.claimsMade).toEqual([]);
    expect(d.claim).toBeNull();
  });

  it('list payloads cut a long string with its full length; the node detail has it whole', async () => {
    const clipped = { synopsis: SYNOPSIS.length };
    const fromOverview = OverviewResponseSchema.parse((await api.get('/api/overview')).body).nodes.find(
      (n) => n.caption === 'The Matrix Reloaded',
    )!;
    expect(fromOverview.clipped).toEqual(clipped);
    // 1,000 characters would end inside the emoji: the cut stops before it.
    expect(fromOverview.properties.synopsis).toBe(SYNOPSIS.slice(0, 999));
    const hit = (await find('The Matrix Reloaded')).hits.find((h) => h.node.caption === 'The Matrix Reloaded')!;
    expect([hit.node.clipped, (hit.node.properties.synopsis as string).length]).toEqual([clipped, 999]);
    const keanu = (await find('Keanu Reeves')).hits[0]!.node;
    expect(keanu.clipped).toBeUndefined();
    const page = NeighboursResponseSchema.parse(
      (await api.get(`/api/nodes/${encodeURIComponent(keanu.id)}/neighbours`)).body,
    );
    expect(page.nodes.find((n) => n.id === fromOverview.id)!.clipped).toEqual(clipped);
    const d = NodeDetailResponseSchema.parse((await api.get(`/api/nodes/${encodeURIComponent(fromOverview.id)}`)).body);
    expect(d.node.properties.synopsis).toBe(SYNOPSIS);
    expect(d.node.clipped).toBeUndefined();
  });

  it('a relationship with a long string is cut the same way; its detail and GET /api/values have it whole', async () => {
    const clipped = { notes: SYNOPSIS.length };
    const lana = (await find('Lana Wachowski')).hits[0]!.node;
    const page = NeighboursResponseSchema.parse(
      (await api.get(`/api/nodes/${encodeURIComponent(lana.id)}/neighbours`)).body,
    );
    const cut = page.edges.find((e) => e.properties.year === 2003)!;
    expect([cut.clipped, cut.properties.notes === SYNOPSIS.slice(0, 999)]).toEqual([clipped, true]);
    expect(page.edges.find((e) => e.id !== cut.id)!.clipped).toBeUndefined();
    const overview = OverviewResponseSchema.parse((await api.get('/api/overview')).body);
    expect(overview.edges.find((e) => e.id === cut.id)!.clipped).toEqual(clipped);
    const between = await api.post('/api/edges/between', { nodes: [lana.id], among: [cut.target] });
    expect(between.body.edges.map((e: { clipped?: unknown }) => e.clipped)).toEqual([clipped]);
    // A Cypher result: its graph is cut, its table cells (and so its CSV) are not.
    const q = QueryResultSchema.parse(
      (await api.post('/api/cypher', { query: 'MATCH ()-[r:DIRECTED {year: 2003}]->() RETURN r, r.notes AS notes' }))
        .body,
    );
    expect(q.graph.edges[0]!.clipped).toEqual(clipped);
    expect(q.table.rows[0]![1] === SYNOPSIS).toBe(true);

    const d = RelationshipDetailResponseSchema.parse(
      (await api.get(`/api/relationships/${encodeURIComponent(cut.id)}`)).body,
    );
    expect(d.relationship.properties.notes === SYNOPSIS).toBe(true);
    expect(d.relationship.clipped).toBeUndefined();

    const reloaded = cut.target;
    const v = await api.get(
      `/api/values?nodes=${encodeURIComponent(`${reloaded},${lana.id},4:none:1`)}&relationships=${encodeURIComponent(cut.id)}`,
    );
    expect(v.status).toBe(200);
    const values = ValuesResponseSchema.parse(v.body);
    // Lengths, not the texts: a failure should not print 36,000 characters.
    const lengths = (xs: typeof values.nodes) =>
      Object.fromEntries(xs.map((x) => [x.id, Object.values(x.properties).map((p) => p === SYNOPSIS && p.length)]));
    expect([lengths(values.nodes), lengths(values.relationships)]).toEqual([
      { [reloaded]: [SYNOPSIS.length], [lana.id]: [] },
      { [cut.id]: [SYNOPSIS.length] },
    ]);
    const many = Array.from({ length: 101 }, (_, i) => `4:x:${i}`).join(',');
    expect((await api.get(`/api/values?nodes=${many}`)).status).toBe(400);
  });

  it('finds paths between actors who never met', async () => {
    const carrie = (await find('Carrie-Anne Moss')).hits[0]!.node;
    const sandra = (await find('Sandra Bullock')).hits[0]!.node;
    const r = await api.get(`/api/paths?from=${encodeURIComponent(carrie.id)}&to=${encodeURIComponent(sandra.id)}`);
    expect(r.status).toBe(200);
    const p = PathsResponseSchema.parse(r.body);
    expect(p.length).toBe(4);
    expect(p.paths.length).toBe(1);
    const captions = p.paths[0]!.nodes.map((id) => p.nodes.find((n) => n.id === id)!.caption);
    expect(captions).toEqual(['Carrie-Anne Moss', 'The Matrix', 'Keanu Reeves', 'Speed', 'Sandra Bullock']);
  });

  it('the sandbox works there too', async () => {
    const r = await api.post('/api/cypher', {
      query: 'MATCH (a:Actor)-[r:ACTED_IN]->(m:Movie) RETURN a.name AS actor, m.title AS movie ORDER BY actor, movie',
    });
    expect(r.status).toBe(200);
    expect(r.body.table.rows.length).toBe(5);
  });
});

describe('Neo4j going away and coming back', () => {
  it('answers 503 while it is down and recovers without restarting the API', async () => {
    expect((await api.get('/api/health')).status).toBe(200);
    await own.stop(20_000);
    const down = await api.get('/api/health');
    expect(down.status).toBe(503);
    expect(down.body.error.code).toBe('NEO4J_UNAVAILABLE');
    expect(down.ms).toBeLessThan(8_000);
    expect((await api.get('/api/search?q=keanu')).status).toBe(503);

    await own.start();
    let status = 0;
    for (let i = 0; i < 30 && status !== 200; i++) {
      status = (await api.get('/api/health')).status;
      if (status !== 200) await new Promise((r) => setTimeout(r, 500));
    }
    expect(status).toBe(200);
    expect((await find('keanu')).hits[0]!.node.caption).toBe('Keanu Reeves');
  }, 240_000); // stopping and restarting a JVM takes a while on a busy machine
});
