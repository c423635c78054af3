import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CypherResponseSchema, ErrorBodySchema } from '../../../src/shared/api/index';
import { terminateByMarker } from '../../../src/server/sandbox/watchdog';
import { makeTestApi, type TestApi } from '../../support/api';
import { testDriver, testNeo4j } from '../../support/neo4j';
import { ensureSeeded, graphFingerprint } from '../../support/seeded';

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

type Outcome = 'rejected' | 'cypher-error' | 'stopped';
interface Case {
  name: string;
  query: string | (() => string);
  params?: Record<string, unknown>;
  /** Accepted outcomes; `stopped` = 408, or 200 with truncated, or 400 MEMORY_LIMIT. */
  expect: Outcome[];
  timeoutMs?: number;
  reason?: string;
}

const cases: Case[] = [
  { name: 'CREATE', query: 'CREATE (n:Pwned {x: 1}) RETURN n', expect: ['rejected'], reason: 'WRITE' },
  { name: 'MERGE', query: 'MERGE (n:Pwned {x: 1}) RETURN n', expect: ['rejected'], reason: 'WRITE' },
  { name: 'DETACH DELETE everything', query: 'MATCH (n) DETACH DELETE n', expect: ['rejected'], reason: 'WRITE' },
  { name: 'DELETE relationships', query: 'MATCH ()-[r]->() DELETE r', expect: ['rejected'], reason: 'WRITE' },
  {
    name: 'SET a property',
    query: "MATCH (p:Person) SET p.name = 'pwned' RETURN p",
    expect: ['rejected'],
    reason: 'WRITE',
  },
  { name: 'SET a label', query: 'MATCH (p:Person) SET p:Pwned', expect: ['rejected'], reason: 'WRITE' },
  { name: 'REMOVE', query: 'MATCH (p:Person) REMOVE p.name RETURN p', expect: ['rejected'], reason: 'WRITE' },
  {
    name: 'FOREACH write',
    query: 'MATCH (n) FOREACH (x IN [1] | SET n.pwned = true)',
    expect: ['rejected'],
    reason: 'WRITE',
  },
  {
    name: 'write after a read procedure',
    query: 'CALL db.labels() YIELD label CREATE (:Pwned {l: label})',
    expect: ['rejected'],
    reason: 'WRITE',
  },
  {
    name: 'write in a UNION branch',
    query: 'MATCH (n:Person) RETURN n.name AS x UNION CREATE (m:Pwned) RETURN m.name AS x',
    expect: ['rejected', 'cypher-error'],
  },
  {
    name: 'write behind a CYPHER prefix',
    query: 'CYPHER runtime=slotted CREATE (n:Pwned) RETURN n',
    expect: ['rejected'],
  },
  { name: 'write after a line comment', query: '// harmless?\nCREATE (:Pwned)', expect: ['rejected'], reason: 'WRITE' },
  {
    name: 'LOAD CSV from a file',
    query: "LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line",
    expect: ['rejected'],
    reason: 'LOAD_CSV',
  },
  {
    name: 'LOAD CSV FILE: upper case',
    query: "LOAD CSV FROM 'FILE:///etc/passwd' AS line RETURN line",
    expect: ['rejected'],
    reason: 'LOAD_CSV',
  },
  {
    name: 'LOAD CSV from loopback http',
    query: () => `LOAD CSV FROM 'http://127.0.0.1:${port}/' AS line RETURN line`,
    expect: ['rejected'],
    reason: 'LOAD_CSV',
  },
  {
    name: 'LOAD CSV with headers inside a subquery',
    query: () => `CALL () { LOAD CSV WITH HEADERS FROM 'http://127.0.0.1:${port}/x.csv' AS row RETURN row } RETURN row`,
    expect: ['rejected'],
    reason: 'LOAD_CSV',
  },
  { name: 'CALL dbms.listConfig', query: 'CALL dbms.listConfig()', expect: ['rejected'] },
  { name: 'CALL dbms.components', query: 'CALL dbms.components() YIELD name RETURN name', expect: ['rejected'] },
  {
    name: 'CALL db.stats.retrieve (read procedure, not allowlisted)',
    query: "CALL db.stats.retrieve('GRAPH COUNTS') YIELD data RETURN data",
    expect: ['rejected'],
    reason: 'PROCEDURE',
  },
  {
    name: 'CALL dbms.security.createUser',
    query: "CALL dbms.security.createUser('evil', 'evil-password', false)",
    expect: ['rejected', 'cypher-error'],
  },
  { name: 'CALL db.createLabel', query: "CALL db.createLabel('Pwned')", expect: ['rejected'] },
  { name: 'CALL db.clearQueryCaches', query: 'CALL db.clearQueryCaches()', expect: ['rejected'] },
  { name: 'CALL tx.setMetaData', query: 'CALL tx.setMetaData({sandbox: "x"})', expect: ['rejected'] },
  {
    name: 'CALL db.index.fulltext.drop (not allowlisted)',
    query: "CALL db.index.fulltext.drop('entity_names')",
    expect: ['rejected', 'cypher-error'],
  },
  { name: 'SHOW USERS', query: 'SHOW USERS', expect: ['rejected'] },
  { name: 'SHOW DATABASES', query: 'SHOW DATABASES', expect: ['rejected'] },
  {
    name: 'SHOW TRANSACTIONS (query type r!)',
    query: 'SHOW TRANSACTIONS',
    expect: ['rejected'],
    reason: 'ADMINISTRATION',
  },
  {
    name: 'TERMINATE TRANSACTIONS',
    query: "TERMINATE TRANSACTIONS 'neo4j-transaction-1'",
    expect: ['rejected'],
    reason: 'ADMINISTRATION',
  },
  { name: 'SHOW PROCEDURES', query: 'SHOW PROCEDURES YIELD name RETURN name', expect: ['rejected'] },
  {
    name: 'CREATE USER',
    query: "CREATE USER evil SET PASSWORD 'evil-password-1'",
    expect: ['rejected', 'cypher-error'],
  },
  { name: 'DROP DATABASE', query: 'DROP DATABASE neo4j', expect: ['rejected', 'cypher-error'] },
  { name: 'USE system', query: 'USE system SHOW USERS', expect: ['rejected'], reason: 'USE' },
  { name: 'USE system MATCH', query: 'USE system MATCH (n) RETURN n', expect: ['rejected'], reason: 'USE' },
  {
    name: 'USE in a subquery',
    query: 'CALL () { USE system RETURN 1 AS x } RETURN x',
    expect: ['rejected', 'cypher-error'],
  },
  {
    name: 'USE after a block comment',
    query: '/* hi */ USE neo4j MATCH (n) RETURN count(n)',
    expect: ['rejected'],
    reason: 'USE',
  },
  {
    name: 'two statements',
    query: 'MATCH (n) RETURN count(n); MATCH (n) DETACH DELETE n',
    expect: ['rejected'],
    reason: 'MULTIPLE_STATEMENTS',
  },
  {
    name: 'two statements, second hidden after a comment',
    query: 'RETURN 1 /* ; */ ; CREATE (:Pwned)',
    expect: ['rejected'],
    reason: 'MULTIPLE_STATEMENTS',
  },
  {
    name: 'statement after a line comment with ;',
    query: 'RETURN 1 // ;\n; CREATE (:Pwned)',
    expect: ['rejected'],
    reason: 'MULTIPLE_STATEMENTS',
  },
  {
    name: 'string that closes and writes',
    query: "RETURN 'a' + ''; CREATE (:Pwned) //'",
    expect: ['rejected'],
    reason: 'MULTIPLE_STATEMENTS',
  },
  {
    name: 'CALL {} IN TRANSACTIONS read',
    query: 'CALL () { MATCH (n) RETURN n } IN TRANSACTIONS RETURN count(n)',
    expect: ['rejected'],
    reason: 'IN_TRANSACTIONS',
  },
  {
    name: 'CALL {} IN TRANSACTIONS delete',
    query: 'MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10 ROWS',
    expect: ['rejected'],
  },
  { name: 'schema DDL: CREATE INDEX', query: 'CREATE INDEX pwned FOR (n:Person) ON (n.pwned)', expect: ['rejected'] },
  {
    name: 'schema DDL: CREATE CONSTRAINT',
    query: 'CREATE CONSTRAINT pwned FOR (n:Pwned) REQUIRE n.x IS UNIQUE',
    expect: ['rejected'],
  },
  { name: 'schema DDL: DROP INDEX', query: 'DROP INDEX entity_names', expect: ['rejected'] },
  { name: 'EXPLAIN prefix', query: 'EXPLAIN MATCH (n) RETURN n', expect: ['rejected'], reason: 'EXPLAIN_PROFILE' },
  { name: 'PROFILE a write', query: 'PROFILE CREATE (n:Pwned)', expect: ['rejected'], reason: 'EXPLAIN_PROFILE' },
  { name: 'full-width letters', query: 'ＣＲＥＡＴＥ (n:Pwned)', expect: ['cypher-error'] },
  {
    name: 'procedure that does not exist',
    query: 'CALL apoc.load.json("file:///etc/passwd")',
    expect: ['cypher-error', 'rejected'],
  },
  {
    name: 'cartesian product bomb (rows)',
    query: 'MATCH (a), (b), (c), (d) RETURN a, b, c, d',
    expect: ['stopped'],
    timeoutMs: 3_000,
  },
  {
    name: 'cartesian product bomb (count)',
    query: 'MATCH (a), (b), (c), (d), (e) WHERE a.id < e.id RETURN count(*)',
    expect: ['stopped'],
    timeoutMs: 1_000,
  },
  {
    name: 'range(1, 1e9)',
    query: 'UNWIND range(1, 1e9) AS x RETURN count(x)',
    expect: ['stopped', 'cypher-error'],
    timeoutMs: 1_000,
  },
  {
    name: 'range(1, 1000000000) integer',
    query: 'UNWIND range(1, 1000000000) AS x WITH x WHERE x % 7 = 3 RETURN count(x)',
    expect: ['stopped'],
    timeoutMs: 1_000,
  },
  {
    name: 'deep variable-length pattern',
    query: 'MATCH p = (a)-[*..25]-(b) RETURN count(p)',
    expect: ['stopped'],
    timeoutMs: 1_000,
  },
  // Single expressions Neo4j can neither interrupt nor bound in memory (they crashed the server
  // with OutOfMemoryError before the guard existed): refused before they run.
  {
    name: 'string-building bomb (reduce)',
    query: "RETURN reduce(s = '', x IN range(1, 5000000) | s + 'xxxxxxxxxx') AS s",
    expect: ['rejected'],
    reason: 'EXPRESSION_BOMB',
  },
  {
    name: 'huge list comprehension',
    query: 'RETURN [x IN range(1, 50000000) | x] AS big',
    expect: ['rejected'],
    reason: 'EXPRESSION_BOMB',
  },
  {
    name: 'CPU loop in any()',
    query: 'RETURN any(x IN range(1, 3000000000) WHERE x < 0) AS a',
    expect: ['rejected'],
    reason: 'EXPRESSION_BOMB',
  },
  {
    name: 'doubling reduce',
    query: "RETURN size(reduce(s = 'x', i IN range(1, 40) | s + s)) AS n",
    expect: ['rejected'],
    reason: 'EXPRESSION_BOMB',
  },
  {
    name: 'nested replace',
    query:
      "RETURN size(replace(replace(replace(replace(replace('x','x','xxxxxxxxxx'),'x','xxxxxxxxxx'),'x','xxxxxxxxxx'),'x','xxxxxxxxxx'),'x','xxxxxxxxxx')) AS n",
    expect: ['rejected'],
    reason: 'EXPRESSION_BOMB',
  },
  {
    name: 'range size from a parameter',
    query: 'RETURN [x IN range(1, $n) | x] AS l',
    params: { n: 1_000_000_000 },
    expect: ['rejected'],
    reason: 'EXPRESSION_BOMB',
  },
  // Bounded by the transaction memory limit or the timeout.
  {
    name: 'collect() bomb (tracked memory)',
    query: 'UNWIND range(1, 100000000) AS x WITH collect(x) AS l RETURN size(l)',
    expect: ['stopped'],
    timeoutMs: 3_000,
  },
  {
    name: 'response size bomb',
    query: 'MATCH (n) WITH collect(properties(n)) AS everything UNWIND range(1, 1000) AS i RETURN i, everything',
    expect: ['stopped'],
    timeoutMs: 5_000,
  },
];

describe('the Cypher sandbox refuses or stops hostile queries', () => {
  it(`battery has at least 30 cases (${cases.length})`, () => expect(cases.length).toBeGreaterThanOrEqual(30));

  it.each(cases)('$name', async (c) => {
    const query = typeof c.query === 'function' ? c.query() : c.query;
    const timeoutMs = c.timeoutMs ?? 5_000;
    const r = await api.post('/api/cypher', { query, timeoutMs, params: c.params ?? {} });
    let outcome: Outcome | 'allowed';
    if (r.status === 400 && r.body.error?.code === 'QUERY_REJECTED') outcome = 'rejected';
    else if (r.status === 400 && r.body.error?.code === 'CYPHER_ERROR') outcome = 'cypher-error';
    else if (
      r.status === 408 ||
      (r.status === 400 && r.body.error?.code === 'MEMORY_LIMIT') ||
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
      if (r.status === 408) expect(r.body.error.message).toMatch(/time limit/);
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

describe('the watchdog', () => {
  it('finds a transaction by its marker and terminates it on the system database', async () => {
    const t = testNeo4j();
    const session = api.driver.session({ database: t.database, defaultAccessMode: neo4j.session.READ });
    const marker = `test-${Date.now()}`;
    const t0 = Date.now();
    const running = session
      .run(
        'UNWIND range(1, 2000000000) AS x WITH x WHERE x % 7 = 3 RETURN count(x)',
        {},
        { timeout: 60_000, metadata: { sandbox: marker } },
      )
      .then(
        () => 'finished',
        (e: { code?: string }) => e.code,
      );
    let report;
    for (let i = 0; i < 40; i++) {
      await new Promise((r) => setTimeout(r, 250));
      report = await terminateByMarker({ driver: api.driver, database: t.database }, marker);
      if (report.terminated) break;
    }
    expect(report?.terminated).toBe(true);
    expect(report?.transactionIds.length).toBe(1);
    expect(await running).toMatch(/Terminated/);
    expect(Date.now() - t0).toBeLessThan(30_000);
    await session.close();
    expect((await terminateByMarker({ driver: api.driver, database: t.database }, marker)).terminated).toBe(false);
  });
});
