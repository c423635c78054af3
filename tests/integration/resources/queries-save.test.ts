import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueriesListResponseSchema, SaveQueryResponseSchema } from '../../../src/shared/api/index';
import { makeTestApi, type TestApi } from '../../support/api';
import { ensureSeeded } from '../../support/seeded';

// Queries saved from the Cypher drawer on the seeded graph: how their parameters are declared,
// who saved them, and deleting them the way scripts do.

let api: TestApi;

beforeAll(async () => {
  await ensureSeeded();
  api = await makeTestApi();
});
afterAll(async () => api?.close());

const save = (name: string, cypher: string, params: Record<string, unknown>) =>
  api.post('/api/queries', { name, title: `Saved ${name}`, description: 'Saved from the drawer', cypher, params });

describe('saving a query from the drawer', () => {
  it('a value that is an existing node key becomes an entity parameter of that label; a name then says why', async () => {
    const saved = await save(
      'gladkov-claims',
      'MATCH (p:Person {id: $who})-[:MADE]->(c:Claim) RETURN p, c, c.statement AS statement',
      { who: 'vyacheslav-gladkov' },
    );
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const { query, text } = SaveQueryResponseSchema.parse(saved.body);
    expect(query.params).toEqual([
      expect.objectContaining({ name: 'who', type: 'entity', entityLabels: ['Person'], default: 'vyacheslav-gladkov' }),
    ]);
    expect(text).toMatch(/type: entity/);

    // The query matches by `id`, so it still gets the key: the default and another person answer.
    const mine = await api.post('/api/queries/gladkov-claims/run', {});
    expect(mine.status, JSON.stringify(mine.body)).toBe(200);
    expect(mine.body.summary.rows).toBeGreaterThan(0);
    const peskov = await api.post('/api/queries/gladkov-claims/run', { params: { who: 'dmitry-peskov' } });
    expect(peskov.status).toBe(200);
    expect(peskov.body.summary.rows).toBeGreaterThan(0);
    expect(peskov.body.params).toEqual({ who: 'dmitry-peskov' });
    // Its element id (what the picker may send) names the same person.
    const node = await api.get('/api/nodes/dmitry-peskov');
    const byElement = await api.post('/api/queries/gladkov-claims/run', { params: { who: node.body.node.id } });
    expect(byElement.body.summary.rows).toBe(peskov.body.summary.rows);
    // A name typed where a key belongs is refused, naming the parameter, not 0 rows.
    const typed = await api.post('/api/queries/gladkov-claims/run', { params: { who: 'Dmitry Peskov' } });
    expect(typed.status).toBe(400);
    expect(typed.body.error.param).toBe('params.who');
    expect(typed.body.error.message).toMatch(/no node with element id or id "Dmitry Peskov"/);
  });

  it('an element id value stays an element id parameter, with its label; plain text stays text', async () => {
    const node = await api.get('/api/nodes/belgorod');
    const saved = await save(
      'near-place',
      'MATCH (x) WHERE elementId(x) = $place MATCH (e:Event)-[:OCCURRED_IN]->(x) WHERE e.kind = $kind RETURN e',
      { place: node.body.node.id, kind: 'strike' },
    );
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const params = SaveQueryResponseSchema.parse(saved.body).query.params;
    expect(params.find((p) => p.name === 'place')).toMatchObject({ type: 'entity', entityLabels: ['Place'] });
    expect(params.find((p) => p.name === 'kind')).toMatchObject({ type: 'string', default: 'strike' });
    const run = await api.post('/api/queries/near-place/run', { params: { place: 'belgorod' } });
    expect(run.status, JSON.stringify(run.body)).toBe(200);
    expect(run.body.summary.rows).toBeGreaterThan(0);
  });

  it('the library says who saved a query and when', async () => {
    const list = QueriesListResponseSchema.parse((await api.get('/api/queries')).body);
    const mine = list.queries.find((q) => q.name === 'gladkov-claims')!;
    expect(mine.source).toBe('perspective');
    expect(mine.savedBy).toBe('local');
    expect(Date.parse(mine.savedAt!)).toBeGreaterThan(Date.now() - 10 * 60_000);
    const repo = list.queries.find((q) => q.name === 'person-profile')!;
    expect(repo.savedBy).toBeUndefined();
  });
});

describe('DELETE routes', () => {
  it('take `content-type: application/json` with an empty body as no body', async () => {
    expect((await save('to-delete', 'MATCH (n:Person) RETURN count(n) AS people', {})).status).toBe(200);
    const r = await api.app.inject({
      method: 'DELETE',
      url: '/api/queries/to-delete',
      headers: { 'content-type': 'application/json' },
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toEqual({ deleted: 'to-delete' });
    // Still JSON elsewhere: an empty body on a POST is refused as before.
    const post = await api.app.inject({
      method: 'POST',
      url: '/api/queries/person-profile/run',
      headers: { 'content-type': 'application/json' },
      payload: '',
    });
    expect(post.statusCode).toBe(400);
  });
});
