import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorBodySchema, HealthResponseSchema } from '../../../src/shared/api/index';
import { freePort } from '../../../src/runtime/managed/ports';
import { makeTestApi, type TestApi } from '../../support/api';
import { ensureSeeded } from '../../support/seeded';
import { testNeo4j } from '../../support/neo4j';

// On the seeded Belgorod graph, through the whole app (buildApp, app.inject).
let api: TestApi;

beforeAll(async () => {
  await ensureSeeded();
  api = await makeTestApi();
});
afterAll(async () => api?.close());

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
    const dead = await makeTestApi({
      target: { uri: `bolt://127.0.0.1:${await freePort()}`, username: 'neo4j', password: 'x', database: 'neo4j' },
    });
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
