import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PathsResponseSchema } from '../../../src/shared/api/index';
import { makeTestApi, type TestApi } from '../../support/api';
import { ensureSeeded } from '../../support/seeded';

// On the seeded Belgorod graph, through the whole app (buildApp, app.inject).
let api: TestApi;

beforeAll(async () => {
  await ensureSeeded();
  api = await makeTestApi();
});
afterAll(async () => api?.close());

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
    const r = await api.get(
      '/api/paths?from=vyacheslav-gladkov&to=volodymyr-zelensky&exclude=MENTIONS&maxHops=6&limit=1',
    );
    expect(r.status).toBe(200);
    expect(r.body.paths.length).toBe(1);
    for (const e of r.body.edges) expect(e.type).not.toBe('MENTIONS');
  });

  it('follows mentions only when asked: `exclude=` empty follows every type', async () => {
    // Macron is only mentioned by articles.
    const qs = 'from=vyacheslav-gladkov&to=emmanuel-macron&maxHops=6';
    const skipped = await api.get(`/api/paths?${qs}`);
    expect(skipped.status).toBe(200);
    expect(skipped.body.paths).toEqual([]);
    const all = await api.get(`/api/paths?${qs}&exclude=`);
    expect(all.status).toBe(200);
    expect(all.body.paths.length).toBeGreaterThan(0);
    expect(all.body.edges.map((e: { type: string }) => e.type)).toContain('MENTIONS');
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
    ['from=vyacheslav-gladkov&to=volodymyr-zelensky&maxhops=1', 400, 'maxhops'],
  ])('%s → %i', async (qs, status, param) => {
    const r = await api.get(`/api/paths?${qs}`);
    expect(r.status).toBe(status);
    if (param) expect(r.body.error.param).toBe(param);
  });
});
