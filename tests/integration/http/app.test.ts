import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorBodySchema } from '../../../src/shared/api/index';
import { makeTestApi, type TestApi } from '../../support/api';
import { ensureSeeded } from '../../support/seeded';

// What every endpoint shares, on the seeded graph: JSON 404s, security headers, body limits, the
// OpenAPI document generated from the contracts, and the optional bearer token.
let api: TestApi;

beforeAll(async () => {
  await ensureSeeded();
  api = await makeTestApi();
});
afterAll(async () => api?.close());

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
    const broken = await api.app.inject({
      method: 'POST',
      url: '/api/cypher',
      payload: '{"query": ',
      headers: { 'content-type': 'application/json' },
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error.code).toBe('BAD_REQUEST');
  });

  it('serves an OpenAPI 3.1 document generated from the schemas', async () => {
    const r = await api.get('/api/openapi.json');
    expect(r.status).toBe(200);
    expect(r.body.openapi).toBe('3.1.0');
    for (const p of [
      '/api/health',
      '/api/schema',
      '/api/search',
      '/api/nodes/{id}',
      '/api/nodes/{id}/neighbours',
      '/api/paths',
      '/api/overview',
      '/api/queries',
      '/api/queries/{name}/run',
      '/api/cypher',
      '/api/openapi.json',
    ]) {
      expect(Object.keys(r.body.paths)).toContain(p);
    }
    const search = r.body.paths['/api/search'].get;
    expect(search.parameters.map((p: { name: string }) => p.name)).toEqual(['q', 'labels', 'limit']);
    expect(search.parameters[0].required).toBe(true);
    expect(search.parameters[2].required).toBe(false);
    expect(search.parameters[2].schema).toMatchObject({ type: 'integer', minimum: 1, maximum: 100, default: 20 });
    expect(r.body.paths['/api/cypher'].post.requestBody.content['application/json'].schema.properties.query.type).toBe(
      'string',
    );
    expect(r.body.paths['/api/nodes/{id}'].get.responses['404'].content['application/json'].schema.$ref).toBe(
      '#/components/schemas/ErrorBody',
    );
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
