import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SearchResponseSchema } from '../../../src/shared/api/index';
import { makeTestApi, type TestApi } from '../../support/api';
import { ensureSeeded } from '../../support/seeded';

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
