import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bulkSeed, BulkRefusedError } from '../../../src/dataset/bulk';
import { loadEnv, type Env } from '../../../src/runtime/config';
import { startManaged } from '../../../src/runtime/managed/instance';
import { freePort } from '../../../src/runtime/managed/ports';
import { testDriver, testNeo4j } from '../../support/neo4j';
import { ensureSeeded } from '../../support/seeded';

/**
 * `npm run seed -- --bulk` on a managed instance of its own (a temporary folder): the imported
 * graph is the one the online loader writes (the shared test database, seeded the usual way),
 * and the bulk path refuses a server elsewhere, a running server and a non-empty database.
 */

const home = mkdtempSync(join(tmpdir(), 'newsgraph-bulk-'));
let env: Env;
let online: Driver;

beforeAll(async () => {
  env = loadEnv({
    ...process.env,
    NEO4J_URI: undefined,
    NEWSGRAPH_NEO4J_HOME: home,
    NEWSGRAPH_NEO4J_PORT: String(await freePort()),
    NEWSGRAPH_NEO4J_HEAP: '512m',
    NEWSGRAPH_NEO4J_PAGECACHE: '128m',
  });
  online = testDriver();
  await ensureSeeded();
});
afterAll(async () => {
  await online.close();
  rmSync(home, { recursive: true, force: true });
});

/** Every node (by id) and relationship (by ends and type) with its labels and properties, comparable as JSON. */
async function graphOf(d: Driver, database: string): Promise<string> {
  const plain = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(plain)
      : neo4j.isInt(v as never) || neo4j.isDate(v as never) || neo4j.isPoint(v as never)
        ? `${typeof v}:${String(v)}`
        : v;
  // An empty list is the one thing the importer cannot write (bulk-csv.ts): compared as absent.
  const props = (p: Record<string, unknown>) =>
    Object.fromEntries(
      Object.entries(p)
        .filter(([, v]) => !(Array.isArray(v) && v.length === 0))
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([k, v]) => [k, plain(v)]),
    );
  const n = await d.executeQuery(
    'MATCH (n) WHERE n.dataset IS NOT NULL RETURN n.id AS id, labels(n) AS l, properties(n) AS p ORDER BY id',
    {},
    { database },
  );
  const r = await d.executeQuery(
    `MATCH (a)-[r]->(b) WHERE a.dataset IS NOT NULL
     RETURN a.id + '|' + type(r) + '|' + b.id AS k, properties(r) AS p ORDER BY k`,
    {},
    { database },
  );
  return JSON.stringify([
    n.records.map((x) => [x.get('id'), [...(x.get('l') as string[])].sort(), props(x.get('p'))]),
    r.records.map((x) => [x.get('k'), props(x.get('p'))]),
  ]);
}

describe('seed --bulk (neo4j-admin database import into an empty managed instance)', () => {
  it('refuses a server given by NEO4J_URI', async () => {
    const e = await bulkSeed({ ...env, NEO4J_URI: 'bolt://127.0.0.1:1' }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(BulkRefusedError);
    expect((e as Error).message).toMatch(/NEO4J_URI is set .* use `npm run seed`/);
  });

  it('loads the same graph as the online loader, with the schema, and verifies the counts', async () => {
    const lines: string[] = [];
    const r = await bulkSeed(env, { log: (l) => lines.push(l) });
    expect(lines.join('\n')).toMatch(/imported \d+ nodes, \d+ relationships/);
    const h = await startManaged({ home, port: Number(env.NEWSGRAPH_NEO4J_PORT), reuse: false, log: () => {} });
    try {
      const d = neo4j.driver(h.info.uri!, neo4j.auth.basic('neo4j', h.info.password!));
      try {
        expect(await graphOf(d, h.info.database)).toBe(await graphOf(online, testNeo4j().database));
        const total = await d.executeQuery('MATCH (n) RETURN count(n) AS c', {}, { database: h.info.database });
        expect(Number(total.records[0]!.get('c'))).toBe(
          r.counts.nodes.Article! + r.counts.nodes.Entity! + r.counts.nodes.Claim!,
        );
        const idx = await d.executeQuery(
          "SHOW INDEXES YIELD name, state WHERE name IN ['entity_names', 'claim_statements', 'article_titles', 'entity_id'] RETURN name, state ORDER BY name",
          {},
          { database: h.info.database },
        );
        expect(idx.records.map((x) => `${x.get('name') as string} ${x.get('state') as string}`)).toEqual([
          'article_titles ONLINE',
          'claim_statements ONLINE',
          'entity_id ONLINE',
          'entity_names ONLINE',
        ]);
      } finally {
        await d.close();
      }
      // The server is running now: the import would need it stopped under its users.
      const running = await bulkSeed(env).catch((x: unknown) => x);
      expect(running).toBeInstanceOf(BulkRefusedError);
      expect((running as Error).message).toMatch(/the managed Neo4j is running .*npm run db:stop/);
    } finally {
      await h.stop();
    }
  }, 600_000);

  it('refuses a database that holds nodes (the import would replace them)', async () => {
    const e = await bulkSeed(env).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(BulkRefusedError);
    expect((e as Error).message).toMatch(/holds \d+ nodes, and the import would replace all of them/);
  }, 300_000);

  /** Leaves the database as an import whose schema step never ran (the server could not start). */
  async function dropSchema(alsoDelete: boolean): Promise<void> {
    const h = await startManaged({ home, port: Number(env.NEWSGRAPH_NEO4J_PORT), reuse: false, log: () => {} });
    try {
      const d = neo4j.driver(h.info.uri!, neo4j.auth.basic('neo4j', h.info.password!));
      const db = { database: h.info.database };
      try {
        for (const c of (await d.executeQuery('SHOW CONSTRAINTS YIELD name', {}, db)).records)
          await d.executeQuery(`DROP CONSTRAINT \`${c.get('name') as string}\``, {}, db);
        const idx = await d.executeQuery("SHOW INDEXES YIELD name, type WHERE type <> 'LOOKUP'", {}, db);
        for (const i of idx.records) await d.executeQuery(`DROP INDEX \`${i.get('name') as string}\``, {}, db);
        if (alsoDelete) await d.executeQuery('MATCH (n:Claim) WITH n LIMIT 1 DETACH DELETE n', {}, db);
      } finally {
        await d.close();
      }
    } finally {
      await h.stop();
    }
  }

  it('finishes an import whose schema step never ran: the schema, then the count check', async () => {
    await dropSchema(false);
    const lines: string[] = [];
    const r = await bulkSeed(env, { log: (l) => lines.push(l) });
    expect(lines.join('\n')).toMatch(/holds an import without its schema/);
    expect(lines.join('\n')).not.toMatch(/imported \d+ nodes/);
    expect(r.counts.nodes.Entity).toBeGreaterThan(0);
    // Done: the schema is there again, so a third run refuses as for any loaded database.
    const e = await bulkSeed(env).catch((x: unknown) => x);
    expect((e as Error).message).toMatch(/holds \d+ nodes, and the import would replace all of them/);
  }, 600_000);

  it('refuses to finish when the database does not hold exactly this data', async () => {
    await dropSchema(true);
    const e = await bulkSeed(env).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(BulkRefusedError);
    expect((e as Error).message).toMatch(/holds \d+ nodes, and the import would replace all of them/);
  }, 600_000);
});
