import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PerspectiveResponseSchema, SearchResponseSchema } from '../../../src/shared/api/index';
import { makeTestApi, type TestApi } from '../../support/api';
import { ensureSeeded } from '../../support/seeded';
import { testDriver, testNeo4j } from '../../support/neo4j';
import { applySchema } from '../../../src/dataset/load';
import { upgradeSeededSchema } from '../../../src/dataset/schema-upgrade';
import { SCHEMA_CYPHER } from '../../../src/runtime/paths';

// On the seeded Belgorod graph, through the whole app (buildApp, app.inject).
let api: TestApi;

beforeAll(async () => {
  await ensureSeeded();
  api = await makeTestApi();
});
afterAll(async () => api?.close());

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
    ['Sinegubov', 'oleh-syniehubov'], // Russian-style romanisation of a Ukrainian name
    ['Oleg Sinegubov', 'oleh-syniehubov'],
    ['Синегубов', 'oleh-syniehubov'], // Russian Cyrillic
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
    for (const h of events.body.hits)
      expect(h.node.labels.some((l: string) => l === 'Event' || l === 'Weapon')).toBe(true);
  });

  it('a phrase of a claim finds that claim, labelled as one, with who made it', async () => {
    const r = await api.get(`/api/search?q=${encodeURIComponent('residential Belgorod with cluster-armed missiles')}`);
    expect(r.status).toBe(200);
    const s = SearchResponseSchema.parse(r.body);
    expect(s.indexes).toEqual(['entity_names', 'claim_statements', 'article_titles']);
    const hit = s.hits[0]!;
    expect(hit.kind).toBe('claim');
    expect(hit.node.key).toBe('claim-russia-ukraine-cluster-attack-belgorod-2022-07');
    expect(hit.node.labels).toContain('Claim');
    expect(hit.node.caption).toMatch(/^Russia accused Ukraine of hitting residential Belgorod/);
    expect(hit.claimant).toBe('Government of Russia');
    // Entities stay what they were.
    const g = SearchResponseSchema.parse((await api.get('/api/search?q=Gladkov')).body);
    expect(g.hits.filter((h) => h.kind === 'node').every((h) => h.claimant === null)).toBe(true);
  });

  it("a perspective saved from the news file before claims and articles were searched follows the file's search", async () => {
    const cur = PerspectiveResponseSchema.parse((await api.get('/api/perspective')).body);
    const earlier = {
      ...cur.perspective,
      name: 'News, restyled',
      search: { properties: ['name', 'title', 'id', 'aliases'], indexes: ['entity_names'], placeholder: 'Search…' },
    };
    const put = await api.app.inject({ method: 'PUT', url: '/api/perspective', payload: { perspective: earlier } });
    try {
      expect(put.statusCode, put.body).toBe(200);
      const saved = PerspectiveResponseSchema.parse(put.json());
      expect(saved).toMatchObject({ origin: 'saved', file: 'news.json' });
      expect(saved.perspective.name).toBe('News, restyled');
      expect(saved.perspective.search).toEqual(cur.perspective.search);
      const q = encodeURIComponent('residential Belgorod with cluster-armed missiles');
      const s = SearchResponseSchema.parse((await api.get(`/api/search?q=${q}`)).body);
      expect(s.indexes).toEqual(['entity_names', 'claim_statements', 'article_titles']);
      expect(s.hits[0]!.node.key).toBe('claim-russia-ukraine-cluster-attack-belgorod-2022-07');
    } finally {
      expect((await api.app.inject({ method: 'DELETE', url: '/api/perspective' })).statusCode).toBe(200);
    }
  });

  it("part of an article's title finds the article, labelled as one, with its outlet and date", async () => {
    const s = SearchResponseSchema.parse((await api.get('/api/search?q=mistakenly%20bombs%20own')).body);
    expect(s.indexes).toContain('article_titles');
    const hit = s.hits[0]!;
    expect(hit.kind).toBe('article');
    expect(hit.node.key).toBe('wsj-2023-04-21-russia-mistakenly-bombs-own-city');
    expect(hit.node.caption).toBe('Russia Mistakenly Bombs Own City');
    expect(hit.node.properties).toMatchObject({ outlet: 'The Wall Street Journal', published: '2023-04-21' });
    expect(hit.claimant).toBeNull();
    // A word of a title with a typo, and a title word with the outlet's.
    const typo = SearchResponseSchema.parse((await api.get('/api/search?q=misfird%20missile')).body);
    expect(typo.hits[0]?.node.key).toBe('express-2022-10-13-russia-hits-own-building-in-belgorod');
    const both = SearchResponseSchema.parse((await api.get('/api/search?q=cluster%20telegraph')).body);
    expect(both.hits.map((h) => h.node.key)).toContain(
      'telegraph-2022-07-03-kremlin-accuses-ukraine-cluster-bomb-attack',
    );
  });

  it("the outlet's name finds its articles, after the outlet itself", async () => {
    const s = SearchResponseSchema.parse((await api.get('/api/search?q=Daily%20Express')).body);
    expect(s.hits[0]!.node.key).toBe('daily-express');
    expect(s.hits[0]!.kind).toBe('node');
    const articles = s.hits.filter((h) => h.kind === 'article');
    expect(articles.map((h) => h.node.key)).toEqual(['express-2022-10-13-russia-hits-own-building-in-belgorod']);
    // Articles only (the explorer's article picker): no entities, and the claims' index is not asked.
    const only = SearchResponseSchema.parse((await api.get('/api/search?q=wall%20street&labels=Article')).body);
    expect(only.hits.map((h) => h.node.key)).toEqual(['wsj-2023-04-21-russia-mistakenly-bombs-own-city']);
    expect(only.indexes).not.toContain('claim_statements');
  });

  it('a name still ranks the entity first, with articles and claims that mention it after the entities', async () => {
    for (const [q, key] of [
      ['Gladkov', 'vyacheslav-gladkov'],
      ['cluster munitions', 'cluster-munitions'],
      ['Belgorod', 'belgorod'],
      ['Kremlin', 'kremlin'],
    ]) {
      const s = SearchResponseSchema.parse((await api.get(`/api/search?q=${encodeURIComponent(q!)}`)).body);
      expect(s.hits[0]!.node.key, q).toBe(key);
      expect(s.hits[0]!.kind, q).toBe('node');
      const kinds = s.hits.map((h) => h.kind);
      const after = (k: string) =>
        kinds.indexOf(k as never) === -1 || kinds.lastIndexOf('node') < kinds.indexOf(k as never);
      expect(after('claim') && after('article'), `${q}: ${kinds.join(' ')}`).toBe(true);
    }
    // "Belgorod" is in two titles: they are on the page too.
    const b = SearchResponseSchema.parse((await api.get('/api/search?q=Belgorod')).body);
    expect(b.hits.filter((h) => h.kind === 'article').length).toBeGreaterThan(0);
    // Gladkov made claims: they are found too, within the cap.
    const g = SearchResponseSchema.parse((await api.get('/api/search?q=Gladkov&limit=6')).body);
    expect(g.hits).toHaveLength(6);
    expect(g.hits.some((h) => h.kind === 'claim')).toBe(true);
    // Only the labels asked for: no claims among people.
    const people = SearchResponseSchema.parse((await api.get('/api/search?q=Gladkov&labels=Person')).body);
    expect(people.hits.every((h) => h.kind === 'node' && h.node.labels.includes('Person'))).toBe(true);
    expect(people.indexes).toEqual(['entity_names']); // the claims' index is not asked
  });

  it('a database seeded before the claim and article indexes existed: names by full text; start adds them', async () => {
    const driver = testDriver();
    const { database } = testNeo4j();
    await driver.executeQuery('DROP INDEX claim_statements IF EXISTS', {}, { database });
    await driver.executeQuery('DROP INDEX article_titles IF EXISTS', {}, { database });
    const old = await makeTestApi();
    try {
      const s = SearchResponseSchema.parse((await old.get('/api/search?q=Gladkov')).body);
      expect(s.mode).toBe('fulltext');
      expect(s.indexes).toEqual(['entity_names']);
      expect(s.hits[0]!.node.key).toBe('vyacheslav-gladkov');
      expect(s.hits.every((h) => h.kind === 'node')).toBe(true);
      // What `npm start` does to a database newsgraph seeded: the index comes, and search asks it.
      expect((await upgradeSeededSchema(driver, database, SCHEMA_CYPHER))?.sort()).toEqual([
        'article_titles',
        'claim_statements',
      ]);
      expect(await upgradeSeededSchema(driver, database, SCHEMA_CYPHER)).toEqual([]);
      const now = await makeTestApi();
      try {
        const c = SearchResponseSchema.parse((await now.get('/api/search?q=cluster-armed%20missiles')).body);
        expect(c.indexes).toEqual(['entity_names', 'claim_statements', 'article_titles']);
        expect(c.hits.some((h) => h.kind === 'claim')).toBe(true);
        const a = SearchResponseSchema.parse((await now.get('/api/search?q=mistakenly%20bombs')).body);
        expect(a.hits[0]?.kind).toBe('article');
      } finally {
        await now.close();
      }
    } finally {
      await old.close();
      await applySchema(driver, database, SCHEMA_CYPHER);
      await driver.close();
    }
  });

  it.each([
    ['/api/search', 'q'],
    ['/api/search?q=', 'q'],
    ['/api/search?q=x&limit=0', 'limit'],
    ['/api/search?q=x&limit=abc', 'limit'],
    ['/api/search?q=x&limit=101', 'limit'],
    [`/api/search?q=${'x'.repeat(201)}`, 'q'],
    ['/api/search?q=x&label=Person', 'label'],
  ])('%s → 400 naming %s', async (url, param) => {
    const r = await api.get(url);
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('BAD_REQUEST');
    expect(r.body.error.param).toBe(param);
    expect(r.body.error.message).toMatch(new RegExp(`^${param}: `));
  });
});
