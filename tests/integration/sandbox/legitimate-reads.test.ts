import { describe, expect, it } from 'vitest';
import { CypherResponseSchema } from '../../../src/shared/api/index';
import { useSeededApi } from '../../support/seeded-api';

// What the ad-hoc Cypher sandbox must still do for an honest user: answer reads (graph + table,
// parameters, allowlisted procedures), treat tricks inside strings and comments as data, and
// explain syntax errors and bad bodies.

const api = useSeededApi();

describe('the sandbox runs legitimate reads', () => {
  it('returns graph + table + summary, with parameters', async () => {
    const r = await api.post('/api/cypher', {
      query: 'MATCH (p:Person {id: $id})-[r:GOVERNOR_OF]->(x) RETURN p, r, x.name AS region LIMIT $n',
      params: { id: 'vyacheslav-gladkov', n: 5 },
    });
    expect(r.status).toBe(200);
    const res = CypherResponseSchema.parse(r.body);
    expect(res.table.columns).toEqual(['p', 'r', 'region']);
    expect(typeof res.table.rows[0]![2]).toBe('string');
    expect(res.graph.nodes.map((n) => n.key)).toEqual(
      expect.arrayContaining(['vyacheslav-gladkov', 'belgorod-region']),
    );
    expect(res.graph.edges[0]!.type).toBe('GOVERNOR_OF');
    expect(res.table.rows[0]![0]).toMatchObject({ __kind: 'node', key: 'vyacheslav-gladkov' });
    expect(res.table.rows[0]![1]).toMatchObject({ __kind: 'relationship', type: 'GOVERNOR_OF' });
    expect(res.summary).toMatchObject({ rows: 1, truncated: false, queryType: 'r' });
  });

  it('fetches the end nodes of relationships returned alone', async () => {
    const r = await api.post('/api/cypher', { query: 'MATCH ()-[r:GOVERNOR_OF]->() RETURN r' });
    expect(r.status).toBe(200);
    const ids = new Set(r.body.graph.nodes.map((n: { id: string }) => n.id));
    expect(r.body.graph.edges.length).toBeGreaterThan(0);
    for (const e of r.body.graph.edges) expect(ids.has(e.source) && ids.has(e.target)).toBe(true);
  });

  it('allows allowlisted procedures, full-text search included', async () => {
    const labels = await api.post('/api/cypher', { query: 'CALL db.labels() YIELD label RETURN label ORDER BY label' });
    expect(labels.status).toBe(200);
    expect(labels.body.table.rows.map((r: string[]) => r[0])).toContain('Person');
    const ft = await api.post('/api/cypher', {
      query: "CALL db.index.fulltext.queryNodes('entity_names', 'gladkov') YIELD node RETURN node.id AS id LIMIT 1",
    });
    expect(ft.status).toBe(200);
    expect(ft.body.table.rows[0][0]).toBe('vyacheslav-gladkov');
  });

  it('treats comment and string tricks as data, not code', async () => {
    const r = await api.post('/api/cypher', {
      query: 'RETURN \'; CREATE (:Pwned)\' AS s, "USE system" AS u // ; DETACH DELETE n',
    });
    expect(r.status).toBe(200);
    expect(r.body.table.rows[0]).toEqual(['; CREATE (:Pwned)', 'USE system']);
    const p = await api.post('/api/cypher', {
      query: 'MATCH (n) WHERE n.id = $id RETURN count(n) AS c',
      params: { id: "x' OR 1=1 //" },
    });
    expect(p.body.table.rows[0][0]).toBe(0);
  });

  it("reports syntax errors with Neo4j code and position in the user's text", async () => {
    const r = await api.post('/api/cypher', {
      query: 'MATCH (n:Person)\nWHERE n.name = "x"\nRETURN n.name AS name,, n.id',
    });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('CYPHER_ERROR');
    expect(r.body.error.neo4jCode).toBe('Neo.ClientError.Statement.SyntaxError');
    expect(r.body.error.position).toEqual({ line: 3, column: 23, offset: 58 });
    const one = await api.post('/api/cypher', { query: 'MATCH (n RETURN n' });
    expect(one.body.error.position).toEqual({ line: 1, column: 10, offset: 9 });
    const sem = await api.post('/api/cypher', { query: 'MATCH (n) RETURN m' });
    expect(sem.body.error.neo4jCode).toMatch(/^Neo\.ClientError\.Statement\./);
    expect(sem.body.error.message).toMatch(/Variable `m` not defined/);
  });

  it.each([
    [{}, 'body.query'],
    [{ query: '' }, 'body.query'],
    [{ query: 'RETURN 1', timeoutMs: 60_000 }, 'body.timeoutMs'],
    [{ query: 'RETURN 1', maxRows: 5000 }, 'body.maxRows'],
    [{ query: 'RETURN 1', sneaky: true }, 'body.sneaky'],
  ])('bad body %j → 400 naming %s', async (body, param) => {
    const r = await api.post('/api/cypher', body);
    expect(r.status).toBe(400);
    expect(r.body.error.param).toBe(param);
  });
});
