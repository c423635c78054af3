import { describe, expect, it } from 'vitest';
import { readSeed } from '../../../src/dataset/index';
import { GraphPayloadSchema } from '../../../src/shared/graph';
import { OverviewResponseSchema } from '../../../src/shared/api/index';
import { SEED_DATA_DIR } from '../../../src/runtime/paths';
import { useSeededApi } from '../../support/seeded-api';

// The read endpoints on the seeded Belgorod graph. Expected values come from seed/data (the same
// files the loader read), so the assertions follow the data rather than hard-coded counts.
const seed = readSeed(SEED_DATA_DIR);
const api = useSeededApi();

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
    const seedPlace = seed.entities.find((e) => e.data.id === 'belgorod')!.data as unknown as {
      location: { lat: number; lon: number };
    };
    expect(belgorod.properties.location).toEqual({ lat: seedPlace.location.lat, lon: seedPlace.location.lon });
    const article = r.body.nodes.find((n: { key: string }) => n.key === seed.articles[0]!.id);
    expect(article.properties.published).toBe(String(seed.articles[0]!.published));
    expect(typeof article.properties.length).toBe('number');
  });

  it('refuses a parameter it does not take, naming it and what it takes', async () => {
    const r = await api.get('/api/overview?limit=abc');
    expect(r.status).toBe(400);
    expect(r.body.error).toMatchObject({
      param: 'limit',
      message: 'limit: unknown parameter limit (this route takes top)',
    });
    expect((await api.get('/api/overview?top=5')).status).toBe(200);
  });
});
