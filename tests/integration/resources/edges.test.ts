import { describe, expect, it } from 'vitest';
import { EdgesBetweenResponseSchema, NeighboursResponseSchema } from '../../../src/shared/api/index';
import { nodeIdOf, useSeededApi } from '../../support/seeded-api';
import { testNeo4j } from '../../support/neo4j';

// POST /api/edges/between ("connect result nodes") on the seeded Belgorod graph. The expected set
// is computed by an independent query through the driver; two edges from seed/data/relationships.yaml
// are checked by name: (gladkov-report-to-putin-2023-01)-[:CONCERNS]->(belgorod-region), both
// neighbours of Gladkov, and (vladimir-putin)-[:PARTICIPATED_IN]->(the report).
const api = useSeededApi();

const idOf = (key: string): Promise<string> => nodeIdOf(api, key);

/** Relationships with one end in `nodes` and the other in nodes ∪ among, by the driver directly. */
async function expected(nodes: string[], among: string[]): Promise<string[]> {
  const r = await api.driver.executeQuery(
    `MATCH (a)-[r]-(b) WHERE elementId(a) IN $nodes AND elementId(b) IN $all RETURN DISTINCT elementId(r) AS id ORDER BY id`,
    { nodes, all: [...nodes, ...among] },
    { database: testNeo4j().database },
  );
  return r.records.map((x) => x.get('id') as string);
}

describe('POST /api/edges/between', () => {
  it("connects Gladkov's new neighbours to each other and to a node already shown", async () => {
    const [gladkov, putin, region, report] = (await Promise.all(
      ['vyacheslav-gladkov', 'vladimir-putin', 'belgorod-region', 'gladkov-report-to-putin-2023-01'].map(idOf),
    )) as [string, string, string, string];
    // The view held Gladkov and Putin; expanding Gladkov brought his neighbours.
    const nb = NeighboursResponseSchema.parse(
      (await api.get('/api/nodes/vyacheslav-gladkov/neighbours?limit=500')).body,
    );
    const fresh = nb.nodes.map((n) => n.id).filter((id) => id !== gladkov && id !== putin);
    expect(fresh).toEqual(expect.arrayContaining([region, report]));

    const r = await api.post('/api/edges/between', { nodes: fresh, among: [gladkov, putin] });
    expect(r.status).toBe(200);
    const body = EdgesBetweenResponseSchema.parse(r.body);
    expect(body.truncated).toBe(false);

    const concerns = body.edges.find((e) => e.type === 'CONCERNS' && e.source === report && e.target === region);
    expect(concerns, 'report -[:CONCERNS]-> Belgorod region').toBeDefined();
    expect(concerns!.properties.quote).toMatch(/25 people had been killed/);
    expect(body.edges.some((e) => e.type === 'PARTICIPATED_IN' && e.source === putin && e.target === report)).toBe(
      true,
    );

    // Exactly the relationships of the definition: each touches a new node, the other end is on screen.
    const onScreen = new Set([...fresh, gladkov, putin]);
    const freshSet = new Set(fresh);
    for (const e of body.edges) {
      expect(freshSet.has(e.source) || freshSet.has(e.target)).toBe(true);
      expect(onScreen.has(e.source) && onScreen.has(e.target)).toBe(true);
    }
    expect(body.edges.map((e) => e.id).sort()).toEqual(await expected(fresh, [gladkov, putin]));
    // No duplicates although edges between two new nodes are reached from both ends.
    expect(new Set(body.edges.map((e) => e.id)).size).toBe(body.edges.length);
  });

  it('without `among`, only relationships among the new nodes', async () => {
    const [region, report, putin] = (await Promise.all(
      ['belgorod-region', 'gladkov-report-to-putin-2023-01', 'vladimir-putin'].map(idOf),
    )) as [string, string, string];
    const r = await api.post('/api/edges/between', { nodes: [region, report] });
    expect(r.status).toBe(200);
    const body = EdgesBetweenResponseSchema.parse(r.body);
    expect(body.edges.some((e) => e.type === 'CONCERNS' && e.source === report && e.target === region)).toBe(true);
    expect(body.edges.some((e) => e.source === putin || e.target === putin)).toBe(false);
    expect(body.edges.map((e) => e.id).sort()).toEqual(await expected([region, report], []));
  });

  it('caps the answer at `limit` and says so', async () => {
    const gladkov = await idOf('vyacheslav-gladkov');
    const nb = NeighboursResponseSchema.parse(
      (await api.get('/api/nodes/vyacheslav-gladkov/neighbours?limit=500')).body,
    );
    const fresh = nb.nodes.map((n) => n.id).filter((id) => id !== gladkov);
    const all = await expected(fresh, [gladkov]);
    expect(all.length).toBeGreaterThan(2);
    const r = await api.post('/api/edges/between', { nodes: fresh, among: [gladkov], limit: 2 });
    expect(r.status).toBe(200);
    expect(r.body.edges).toHaveLength(2);
    expect(r.body.truncated).toBe(true);
    const exact = await api.post('/api/edges/between', { nodes: fresh, among: [gladkov], limit: all.length });
    expect(exact.body.edges).toHaveLength(all.length);
    expect(exact.body.truncated).toBe(false);
  });

  it('ignores ids that match no node, and refuses malformed bodies with 400 naming the field', async () => {
    const ok = await api.post('/api/edges/between', {
      nodes: ['4:00000000-0000-0000-0000-000000000000:999999', "x' OR 1=1 //"],
      among: ['nope'],
    });
    expect(ok.status).toBe(200);
    expect(ok.body.edges).toEqual([]);

    const cases: [unknown, string][] = [
      [{}, 'body.nodes'],
      [{ nodes: [] }, 'body.nodes'],
      [{ nodes: 'abc' }, 'body.nodes'],
      [{ nodes: [1] }, 'body.nodes.0'],
      [{ nodes: ['a'], among: Array.from({ length: 4_001 }, (_, i) => `n${i}`) }, 'body.among'],
      [{ nodes: Array.from({ length: 501 }, (_, i) => `n${i}`) }, 'body.nodes'],
      [{ nodes: ['a'], limit: 0 }, 'body.limit'],
      [{ nodes: ['a'], limit: 1e9 }, 'body.limit'],
      [{ nodes: ['a'], extra: 1 }, 'body.extra'],
    ];
    for (const [payload, param] of cases) {
      const r = await api.post('/api/edges/between', payload);
      expect(r.status, JSON.stringify(payload).slice(0, 80)).toBe(400);
      expect(r.body.error.code).toBe('BAD_REQUEST');
      expect(r.body.error.param).toBe(param);
    }
  });

  it('is in the OpenAPI document with its body schema', async () => {
    const r = await api.get('/api/openapi.json');
    const op = r.body.paths['/api/edges/between']?.post;
    expect(op).toBeDefined();
    const schema = op.requestBody.content['application/json'].schema;
    expect(schema.required).toEqual(['nodes']);
    expect(schema.properties.nodes.maxItems).toBe(500);
    expect(schema.properties.among.maxItems).toBe(4000);
  });
});
