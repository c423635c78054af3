import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ClaimsResponseSchema,
  EdgesBetweenResponseSchema,
  NodeDetailResponseSchema,
  OverviewResponseSchema,
  PathsResponseSchema,
  PerspectiveResponseSchema,
  QueriesListResponseSchema,
  RelationshipDetailResponseSchema,
  SearchResponseSchema,
} from '../../../src/shared/api/index';
import { makeTestApi, type TestApi } from '../../support/api';
import { OwnNeo4j } from '../../support/own-neo4j';

// The app connected to a database it did not seed: a small film graph of another domain with the
// shapes that broke the news-only interface (three labels on one node, integer ids, a node without
// properties, relationship properties, a 300-relationship hub, a 2,000-leaf hub that makes the graph
// too big to show whole, a point and date properties). The
// derived perspective lives in the app's own store; the graph must not change by a single property.

const own = new OwnNeo4j();
let api: TestApi;
let admin: Driver;
let before: string;

const FILM_GRAPH = `
CREATE (matrix:Movie {title: 'The Matrix', released: 1999, shotAt: point({latitude: -33.8688, longitude: 151.2093})}),
       (reloaded:Movie {title: 'The Matrix Reloaded', released: 2003}),
       (speed:Movie {title: 'Speed', released: 1994}),
       (keanu:Person:Actor:Director {name: 'Keanu Reeves', born: date('1964-09-02')}),
       (carrie:Person:Actor {name: 'Carrie-Anne Moss', born: date('1967-08-21')}),
       (lana:Person:Director {name: 'Lana Wachowski', born: date('1965-06-21')}),
       (wb:Studio {id: 500, code: 'WB-HQ'}),
       (fox:Studio {id: 1, code: 'FOX-LOT'}),
       (blank:Blank),
       (fans:Fandom {name: 'Matrix Fans'}),
       (keanu)-[:ACTED_IN {roles: ['Neo']}]->(matrix),
       (keanu)-[:ACTED_IN {roles: ['Neo']}]->(reloaded),
       (keanu)-[:ACTED_IN {roles: ['Jack Traven']}]->(speed),
       (carrie)-[:ACTED_IN {roles: ['Trinity']}]->(matrix),
       (lana)-[:DIRECTED]->(matrix),
       (carrie)-[:REVIEWED {rating: 92, summary: 'Still holds up'}]->(speed),
       (matrix)-[:MADE_BY]->(wb), (speed)-[:MADE_BY]->(fox), (reloaded)-[:MADE_BY]->(wb),
       (blank)-[:NEAR]->(fox)
WITH fans
UNWIND range(1, 300) AS i
CREATE (:Member {handle: 'member' + i})-[:FAN_OF {since: 2000 + i % 20}]->(fans)`;
const HUB = `
CREATE (h:Hub {code: 'HUB-1'})
WITH h UNWIND range(1, 2000) AS i
CREATE (h)-[:CONNECTS {w: i}]->(:Stop {seq: i})`;

/** Every node and relationship with its labels/type and properties, in a stable order. */
async function fingerprint(): Promise<string> {
  const r = await admin.executeQuery(
    `MATCH (n) WITH n ORDER BY elementId(n)
     WITH collect([elementId(n), labels(n), properties(n)]) AS nodes
     OPTIONAL MATCH ()-[r]->() WITH nodes, r ORDER BY elementId(r)
     RETURN nodes, collect([elementId(r), type(r), elementId(startNode(r)), elementId(endNode(r)), properties(r)]) AS rels`,
    {},
    { database: own.target.database },
  );
  const rec = r.records[0]!;
  return JSON.stringify([rec.get('nodes'), rec.get('rels')], (_k, v: unknown) =>
    typeof v === 'bigint' ? v.toString() : v,
  );
}

beforeAll(async () => {
  await own.start();
  admin = neo4j.driver(own.target.uri, neo4j.auth.basic(own.target.username, own.target.password));
  await admin.executeQuery(FILM_GRAPH, {}, { database: own.target.database });
  await admin.executeQuery(HUB, {}, { database: own.target.database });
  before = await fingerprint();
  api = await makeTestApi({ target: own.target });
}, 300_000);

afterAll(async () => {
  await api?.close();
  await admin?.close();
  await own.dispose();
});

const find = async (q: string, extra = '') => {
  const r = await api.get(`/api/search?q=${encodeURIComponent(q)}${extra}`);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return SearchResponseSchema.parse(r.body);
};
const nodeNamed = async (q: string) => (await find(q)).hits[0]!.node;

describe('a database the app did not seed', () => {
  it('derives a perspective from the schema and keeps it in the app store', async () => {
    const r = await api.get('/api/perspective');
    expect(r.status).toBe(200);
    const p = PerspectiveResponseSchema.parse(r.body);
    expect(p.origin).toBe('derived');
    const byLabel = Object.fromEntries(p.perspective.labels.map((l) => [l.label, l]));
    expect(Object.keys(byLabel).sort()).toEqual(
      ['Actor', 'Blank', 'Director', 'Fandom', 'Hub', 'Member', 'Movie', 'Person', 'Stop', 'Studio'].sort(),
    );
    expect(byLabel.Movie!.caption).toBe('title');
    expect(byLabel.Person!.caption).toBe('name');
    expect(byLabel.Studio!.caption).toBe('code');
    expect(byLabel.Person!.icon).toBe('person');
    expect(byLabel.Movie!.icon).toBe('film');
    const rel = Object.fromEntries(p.perspective.relationships.map((x) => [x.type, x.caption]));
    expect(rel.ACTED_IN).toBe('roles');
    expect(rel.DIRECTED).toBe(''); // nothing written on the edge: its type shows on hover and in the detail
    expect(rel.CONNECTS).toBe('');
    // Search reads no property of a Stop (only `seq`): no "Search only" filter for it.
    expect(byLabel.Stop!.searchFilter).toBe(false);
    expect(byLabel.Movie!.searchFilter).toBe(true);
    const v = p.perspective.views;
    expect(v.claims).toBe(false);
    expect(v.corroboration).toBe(false);
    expect(v.map).toMatchObject({ on: true, points: ['shotAt'] });
    expect(v.timeline.on).toBe(true);
    expect(v.timeline.dates).toEqual(
      expect.arrayContaining([
        { label: 'Movie', property: 'released', kind: 'year' },
        { label: 'Person', property: 'born', kind: 'date' },
      ]),
    );
    expect(p.perspective.search.properties).toEqual(expect.arrayContaining(['name', 'title', 'code']));
    expect(p.perspective.search.placeholder).not.toMatch(/people|places|events/i);
  });

  it('search covers the perspective properties, with prefix and one-typo matching and a note', async () => {
    const typo = await find('Keenu');
    expect(typo.mode).toBe('scan');
    expect(typo.fuzzy).toBe(true);
    expect(typo.hits[0]?.node.caption).toBe('Keanu Reeves');
    expect((await find('Matrx')).hits.map((h) => h.node.caption)).toContain('The Matrix');
    expect((await find('Relo')).hits[0]?.node.caption).toBe('The Matrix Reloaded'); // a word's prefix
    expect((await find('WB-HQ')).hits[0]?.node.caption).toBe('WB-HQ'); // a `code`, not a name
    expect(typo.note).toBeTruthy();
    expect(typo.createIndex).toMatch(/^CREATE FULLTEXT INDEX/);
    const studios = await find('fox', '&labels=Studio');
    expect(studios.hits.map((h) => h.node.caption)).toEqual(['FOX-LOT']);
  });

  it('captions: the chosen property, never a bare id or a whole element id', async () => {
    const detail = NodeDetailResponseSchema.parse((await api.get('/api/nodes/500')).body);
    expect(detail.node.caption).toBe('WB-HQ');
    const blank = await admin.executeQuery(
      'MATCH (b:Blank) RETURN elementId(b) AS id',
      {},
      {
        database: own.target.database,
      },
    );
    const blankId = blank.records[0]!.get('id') as string;
    const b = NodeDetailResponseSchema.parse((await api.get(`/api/nodes/${encodeURIComponent(blankId)}`)).body);
    expect(b.node.caption).not.toBe(blankId);
    expect(b.node.caption).toMatch(/^Blank\b/);
  });

  it('integer id keys address nodes in detail and paths', async () => {
    const d = await api.get('/api/nodes/500');
    expect(d.status).toBe(200);
    expect(d.body.node.key).toBe('500');
    const p = await api.get('/api/paths?from=500&to=1');
    expect(p.status, JSON.stringify(p.body)).toBe(200);
    const paths = PathsResponseSchema.parse(p.body);
    expect(paths.paths.length).toBeGreaterThan(0);
    expect((await api.get('/api/nodes/501')).status).toBe(404);
  });

  it('relationship detail: caption, properties and both ends', async () => {
    const keanu = await nodeNamed('Keanu Reeves');
    const n = await api.get(`/api/nodes/${encodeURIComponent(keanu.id)}/neighbours?types=ACTED_IN`);
    const edge = n.body.edges.find((e: { type: string }) => e.type === 'ACTED_IN');
    const r = await api.get(`/api/relationships/${encodeURIComponent(edge.id)}`);
    expect(r.status).toBe(200);
    const d = RelationshipDetailResponseSchema.parse(r.body);
    expect(d.relationship.properties.roles).toEqual(expect.any(Array));
    expect(['Neo', 'Jack Traven']).toContain(d.caption);
    expect(d.start.caption).toBe('Keanu Reeves');
    expect(d.start.labels.sort()).toEqual(['Actor', 'Director', 'Person']);
    expect(d.evidence).toEqual([]);
    expect((await api.get('/api/relationships/4:00000000-0000-0000-0000-000000000000:999999')).status).toBe(404);
  });

  it('connect result nodes: the edges between the nodes a Cypher result returned', async () => {
    const c = await api.post('/api/cypher', { query: 'MATCH (p:Person)-[:ACTED_IN]->(m:Movie) RETURN p, m' });
    expect(c.status).toBe(200);
    const ids = new Set<string>();
    for (const row of c.body.table.rows as { __kind: string; id: string }[][])
      for (const cell of row) if (cell?.__kind === 'node') ids.add(cell.id);
    expect(ids.size).toBe(5);
    const e = await api.post('/api/edges/between', { nodes: [...ids] });
    expect(e.status, JSON.stringify(e.body)).toBe(200);
    const edges = EdgesBetweenResponseSchema.parse(e.body).edges;
    expect(edges.filter((x) => x.type === 'ACTED_IN')).toHaveLength(4);
    expect(edges.some((x) => x.type === 'REVIEWED')).toBe(true);
  });

  it('saved queries: news ones are marked as not fitting, keep Neo4j notifications; a saved one fits', async () => {
    const list = QueriesListResponseSchema.parse((await api.get('/api/queries')).body);
    const outlets = list.queries.find((q) => q.name === 'outlet-coverage')!;
    expect(outlets.fits).toBe(false);
    expect(outlets.missing.length).toBeGreaterThan(0);
    const run = await api.post('/api/queries/outlet-coverage/run', {});
    expect(run.status).toBe(200);
    expect(run.body.summary.notifications.map((n: { code: string }) => n.code).join(' ')).toMatch(/UnknownLabel/);

    const saved = await api.post('/api/queries', {
      name: 'films-of',
      title: 'Films of an actor',
      description: 'Movies an actor played in',
      cypher: 'MATCH (p:Person {name: $name})-[:ACTED_IN]->(m:Movie) RETURN m.title AS title ORDER BY title',
      params: { name: 'Keanu Reeves' },
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.query.fits).toBe(true);
    const again = await api.post('/api/queries', {
      name: 'films-of',
      title: 'Films of an actor',
      description: 'Movies an actor played in',
      cypher: 'MATCH (m:Movie) RETURN m',
    });
    expect(again.status).toBe(409);
    const rows = await api.post('/api/queries/films-of/run', {});
    expect(rows.body.table.rows).toEqual([['Speed'], ['The Matrix'], ['The Matrix Reloaded']]);
  });

  it("the overview samples every label, and a hub's leaves cannot take its budget", async () => {
    const r = await api.get('/api/overview');
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const o = OverviewResponseSchema.parse(r.body);
    expect(o.mode).toBe('sample');
    expect(o.truncated).toBe(true);
    expect(o.nodes.length).toBeLessThanOrEqual(300);
    const count = (l: string) => o.nodes.filter((n) => n.labels.includes(l)).length;
    // Every node of the small labels; a sample of the leaves of each hub.
    expect(
      Object.fromEntries(['Movie', 'Person', 'Studio', 'Blank', 'Fandom', 'Hub'].map((l) => [l, count(l)])),
    ).toEqual({
      Movie: 3,
      Person: 3,
      Studio: 2,
      Blank: 1,
      Fandom: 1,
      Hub: 1,
    });
    for (const leaves of [count('Stop'), count('Member')]) {
      expect(leaves).toBeGreaterThan(0);
      expect(leaves).toBeLessThanOrEqual(30);
    }
    // The relationships among them: each shown leaf with its hub, and the films' own.
    const ids = new Set(o.nodes.map((n) => n.id));
    for (const e of o.edges) expect(ids.has(e.source) && ids.has(e.target)).toBe(true);
    const types = (t: string) => o.edges.filter((e) => e.type === t).length;
    expect(types('CONNECTS')).toBe(count('Stop'));
    expect(types('FAN_OF')).toBe(count('Member'));
    expect(types('ACTED_IN')).toBe(4);
  });

  it('the claims board needs the claim model: refused in a perspective, and /api/claims says why at once', async () => {
    const cur = PerspectiveResponseSchema.parse((await api.get('/api/perspective')).body);
    expect(cur.claimsUnavailable).toMatch(/claims board needs newsgraph's claim model/);
    expect(cur.claimsUnavailable).toMatch(/:Claim/);
    const on = { ...cur.perspective, views: { ...cur.perspective.views, claims: true } };
    const put = await api.app.inject({ method: 'PUT', url: '/api/perspective', payload: { perspective: on } });
    expect(put.statusCode, put.body).toBe(400);
    expect(put.json().error.message).toContain(cur.claimsUnavailable!);
    expect(PerspectiveResponseSchema.parse((await api.get('/api/perspective')).body).perspective.views.claims).toBe(
      false,
    );
    const c = await api.get('/api/claims');
    expect(c.status, JSON.stringify(c.body)).toBe(200);
    const board = ClaimsResponseSchema.parse(c.body);
    expect(board.events).toEqual([]);
    expect(board.unavailable).toBe(cur.claimsUnavailable);
  });

  it('style edits persist in the app store; the graph is untouched by anything above', async () => {
    const cur = PerspectiveResponseSchema.parse((await api.get('/api/perspective')).body).perspective;
    const edited = {
      ...cur,
      labels: cur.labels.map((l) => (l.label === 'Movie' ? { ...l, caption: '{title} ({released})' } : l)),
    };
    const put = await api.app.inject({ method: 'PUT', url: '/api/perspective', payload: { perspective: edited } });
    expect(put.statusCode, put.body).toBe(200);
    expect(PerspectiveResponseSchema.parse(put.json()).origin).toBe('saved');
    expect((await nodeNamed('Speed')).caption).toBe('Speed (1994)');
    expect(await fingerprint()).toBe(before);
  });
});
