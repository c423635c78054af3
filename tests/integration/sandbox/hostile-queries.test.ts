import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CypherResponseSchema, ErrorBodySchema } from '../../../src/shared/api/index';
import { makeTestApi, type TestApi } from '../../support/api';
import { testDriver, testNeo4j } from '../../support/neo4j';
import { ensureSeeded, graphFingerprint } from '../../support/seeded';
import { HOSTILE_CASES, type Outcome } from './hostile-cases';

// The ad-hoc Cypher sandbox against hostile input. Each case must be refused (4xx) or stopped
// within its limit; afterwards the graph, the users and the schema must be exactly as before,
// and the local web server the LOAD CSV cases point at must never have been contacted.

let api: TestApi;
let web: Server;
let port = 0;
const webHits: string[] = [];
let before: { fingerprint: string; users: string[]; indexes: string[]; constraints: string[] };

async function systemState() {
  const d = testDriver();
  try {
    const users = await d.executeQuery('SHOW USERS YIELD user RETURN user ORDER BY user', {}, { database: 'system' });
    const idx = await d.executeQuery(
      'SHOW INDEXES YIELD name RETURN name ORDER BY name',
      {},
      { database: testNeo4j().database },
    );
    const cons = await d.executeQuery(
      'SHOW CONSTRAINTS YIELD name RETURN name ORDER BY name',
      {},
      { database: testNeo4j().database },
    );
    return {
      fingerprint: await graphFingerprint(),
      users: users.records.map((r) => r.get('user') as string),
      indexes: idx.records.map((r) => r.get('name') as string),
      constraints: cons.records.map((r) => r.get('name') as string),
    };
  } finally {
    await d.close();
  }
}

beforeAll(async () => {
  await ensureSeeded();
  web = createServer((req, res) => {
    webHits.push(req.url ?? '');
    res.end('v\n1\n');
  });
  await new Promise<void>((r) => web.listen(0, '127.0.0.1', r));
  port = (web.address() as AddressInfo).port;
  api = await makeTestApi();
  before = await systemState();
});
afterAll(async () => {
  await api?.close();
  await new Promise<void>((r) => web?.close(() => r()));
});

describe('the Cypher sandbox refuses or stops hostile queries', () => {
  it(`battery has at least 30 cases (${HOSTILE_CASES.length})`, () =>
    expect(HOSTILE_CASES.length).toBeGreaterThanOrEqual(30));

  it.each(HOSTILE_CASES)('$name', async (c) => {
    const query = typeof c.query === 'function' ? c.query(port) : c.query;
    const timeoutMs = c.timeoutMs ?? 5_000;
    const r = await api.post('/api/cypher', { query, timeoutMs, params: c.params ?? {} });
    let outcome: Outcome | 'allowed';
    if (r.status === 400 && r.body.error?.code === 'QUERY_REJECTED') outcome = 'rejected';
    else if (r.status === 400 && r.body.error?.code === 'CYPHER_ERROR') outcome = 'cypher-error';
    else if (
      r.status === 504 ||
      (r.status === 507 && r.body.error?.code === 'MEMORY_LIMIT') ||
      (r.status === 200 && r.body.summary?.truncated === true)
    )
      outcome = 'stopped';
    else outcome = 'allowed';
    expect(c.expect, `${r.status} ${JSON.stringify(r.body).slice(0, 300)}`).toContain(outcome);
    if (r.status >= 400) {
      ErrorBodySchema.parse(r.body);
      expect(JSON.stringify(r.body)).not.toMatch(/\n\s+at /); // no stack trace
    }
    if (c.reason) expect(r.body.error?.reason).toBe(c.reason);
    if (outcome === 'stopped') {
      if (r.status === 504) expect(r.body.error.message).toMatch(/time limit/);
      // Stopped within its limit: the timeout plus the watchdog's grace and a margin for a
      // loaded machine (the server must not run on for long after the limit).
      expect(r.ms).toBeLessThan(timeoutMs + 8_000);
    }
  });

  it('the row cap truncates while streaming', async () => {
    const r = await api.post('/api/cypher', { query: 'MATCH (a), (b) RETURN a.id AS a, b.id AS b', maxRows: 250 });
    expect(r.status).toBe(200);
    const res = CypherResponseSchema.parse(r.body);
    expect(res.table.rows.length).toBe(250);
    expect(res.summary).toMatchObject({ truncated: true, truncatedBy: 'rows', rows: 250, maxRows: 250 });
  });

  it('the response size cap truncates too', async () => {
    const r = await api.post('/api/cypher', {
      query: 'MATCH (n) WITH collect(properties(n)) AS everything UNWIND range(1, 1000) AS i RETURN i, everything',
      timeoutMs: 10_000,
    });
    expect(r.status).toBe(200);
    expect(r.body.summary.truncatedBy).toBe('bytes');
    expect(r.body.table.rows.length).toBeLessThan(1000);
    expect(JSON.stringify(r.body).length).toBeLessThan(8.5 * 1024 * 1024);
  });

  it('never contacted the local web server (LOAD CSV was refused before running)', () => {
    expect(webHits).toEqual([]);
  });

  it('left the graph, users, indexes and constraints exactly as they were', async () => {
    expect(await systemState()).toEqual(before);
  });
});
