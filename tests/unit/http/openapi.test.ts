import { describe, expect, it } from 'vitest';
import { API_CONTRACTS } from '../../../src/shared/api/index';
import { buildOpenApi } from '../../../src/server/http/openapi';
import { wantsSpa } from '../../../src/server/http/web';

describe('OpenAPI document', () => {
  const doc = buildOpenApi('test') as any;

  it('has one operation per contract, unique operation ids, and JSON-serialisable schemas', () => {
    const ops = Object.values(doc.paths).flatMap((p: any) => Object.values(p)) as any[];
    expect(ops.length).toBe(API_CONTRACTS.length);
    expect(new Set(ops.map((o) => o.operationId)).size).toBe(ops.length);
    expect(() => JSON.stringify(doc)).not.toThrow();
    for (const o of ops) expect(o.responses['200'].content['application/json'].schema).toBeTruthy();
  });

  it('declares path parameters for templated paths', () => {
    const detail = doc.paths['/api/nodes/{id}'].get;
    expect(detail.parameters).toEqual([
      expect.objectContaining({ name: 'id', in: 'path', required: true }),
      expect.objectContaining({ name: 'asReportedBy', in: 'query', required: false }),
    ]);
    const run = doc.paths['/api/queries/{name}/run'].post;
    expect(run.parameters[0].name).toBe('name');
    expect(run.requestBody.content['application/json'].schema.type).toBe('object');
  });
});

describe('SPA fallback', () => {
  it('serves index.html for client routes only', () => {
    expect(wantsSpa('GET', '/')).toBe(true);
    expect(wantsSpa('GET', '/explore/node/abc?x=1')).toBe(true);
    expect(wantsSpa('HEAD', '/explore')).toBe(true);
    expect(wantsSpa('GET', '/api/nope')).toBe(false);
    expect(wantsSpa('GET', '/api')).toBe(false);
    expect(wantsSpa('POST', '/explore')).toBe(false);
    expect(wantsSpa('GET', '/assets/missing.js')).toBe(false);
  });
});
