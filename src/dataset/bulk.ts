import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Env } from '../runtime/config';
import { createDriver } from '../runtime/connection';
import { runAdminImport } from '../runtime/managed/admin-import';
import { managedStatus, startManaged, type ManagedHandle } from '../runtime/managed/instance';
import { DEFAULT_ARTICLES_DIR, SCHEMA_CYPHER } from '../runtime/paths';
import { countStore } from './batched';
import { writeBulkCsv } from './bulk-csv';
import { applySchema, type LoadCounts } from './load';
import { SeedRows } from './rows';
import type { SeedOptions } from './index';
import { validateSeed } from './index';

/** Why --bulk will not run here; the message says what to do instead. */
export class BulkRefusedError extends Error {
  override name = 'BulkRefusedError';
}

export interface BulkReport {
  counts: LoadCounts;
  articlesChecked: boolean;
  quotesChecked: number;
  ms: { csv: number; import: number; schema: number; verify: number; total: number };
  csvMB: number;
}

const ONLINE = 'use `npm run seed` (the online, batched loader) instead';

/**
 * `npm run seed -- --bulk`: the seed into an EMPTY managed Neo4j through
 * `neo4j-admin database import full` — CSV (bulk-csv.ts), the import with the server stopped,
 * then the schema (cypher/schema.cypher) and a check that the count store holds exactly what
 * was written. Refuses with NEO4J_URI (the importer writes the store files of a local, stopped
 * server), when the managed server is already running (it would have to be stopped under its
 * users), and when the database holds any node (the import replaces the whole database) unless it is
 * an import of exactly this data whose schema step never ran: then it builds the schema and checks.
 * Cost: one or two JVM starts plus the import (bench/: the import's own rate).
 */
export async function bulkSeed(env: Env, opts: SeedOptions = {}): Promise<BulkReport> {
  const t0 = performance.now();
  const log = opts.log ?? (() => {});
  if (env.NEO4J_URI)
    throw new BulkRefusedError(
      `seed --bulk: refused: NEO4J_URI is set (${env.NEO4J_URI}). The bulk path writes the store files of ` +
        `the managed Neo4j offline and cannot load a server elsewhere; ${ONLINE}.`,
    );
  const home = env.NEWSGRAPH_NEO4J_HOME;
  const before = managedStatus(home);
  if (before.running)
    throw new BulkRefusedError(
      `seed --bulk: refused: the managed Neo4j is running (pid ${before.pid}, ${before.uri}); the import needs ` +
        `it stopped. Stop it with \`npm run db:stop\` (and whatever uses it), then run this again.`,
    );
  const { data, articlesChecked, quotesChecked } = validateSeed(opts);
  log(
    articlesChecked
      ? `seed: data valid; ${quotesChecked} quotes and ${data.articles.length} checksums verified against the articles`
      : `seed: data valid; article texts not found (${opts.articlesDir ?? DEFAULT_ARTICLES_DIR}), so the quote/checksum check was SKIPPED`,
  );
  const start = () =>
    startManaged({
      home,
      port: env.NEWSGRAPH_NEO4J_PORT,
      heap: env.NEWSGRAPH_NEO4J_HEAP,
      pagecache: env.NEWSGRAPH_NEO4J_PAGECACHE,
      javaHome: env.JAVA_HOME,
      reuse: false,
      log,
    });
  // A folder whose database was never created is empty; otherwise ask the server. A database with
  // nodes but no constraints is an import whose schema step never ran (the server could not start):
  // finish it below if it holds exactly this data.
  let resume = false;
  if (existsSync(join(home, 'data', 'databases', 'neo4j'))) {
    const h = await start();
    try {
      const { nodes, constraints } = await withDriver(h, async (d) => {
        const db = { database: h.info.database };
        const n = await d.executeQuery('MATCH (n) RETURN count(n) AS c', {}, db);
        const c = await d.executeQuery('SHOW CONSTRAINTS YIELD name RETURN count(*) AS c', {}, db);
        return { nodes: Number(n.records[0]!.get('c')), constraints: Number(c.records[0]!.get('c')) };
      });
      if (nodes > 0 && constraints > 0) throw new BulkRefusedError(refusal(nodes));
      resume = nodes > 0;
    } finally {
      await h.stop();
    }
  }

  mkdirSync(home, { recursive: true });
  const dir = mkdtempSync(join(home, 'bulk-csv-'));
  try {
    let t = performance.now();
    const csv = writeBulkCsv(new SeedRows(data), dir);
    const csvMs = performance.now() - t;
    const csvMB = csv.bytes / 1024 / 1024;
    log(`seed --bulk: wrote ${csvMB.toFixed(1)} MB of CSV in ${(csvMs / 1000).toFixed(1)} s; importing`);
    t = performance.now();
    if (resume) log('seed --bulk: the database holds an import without its schema; checking it and finishing that');
    else {
      const imp = await runAdminImport(home, csv.args, { heap: env.NEWSGRAPH_NEO4J_HEAP, multiline: csv.multiline });
      log(
        `seed --bulk: imported ${imp.nodes ?? '?'} nodes, ${imp.relationships ?? '?'} relationships in ${((performance.now() - t) / 1000).toFixed(1)} s; building the schema`,
      );
    }
    const importMs = performance.now() - t;
    let h: ManagedHandle;
    try {
      h = await start();
    } catch (e) {
      // The store is imported; only the schema and the count check are left, and a re-run does them.
      if (e instanceof Error)
        e.message +=
          ` The import itself finished: once Neo4j can start, run the same \`npm run seed -- --bulk\` command ` +
          `again and it builds the schema and checks the counts.`;
      throw e;
    }
    try {
      return await withDriver(h, async (d) => {
        const database = h.info.database;
        const check = async () => {
          const held = await countStore(d, database);
          return [
            ...Object.entries(csv.counts.nodes).map(([k, n]) => [k, n, held.nodes[k] ?? 0] as const),
            ...Object.entries(csv.counts.relationships).map(([k, n]) => [k, n, held.relationships[k] ?? 0] as const),
          ].filter(([, n, got]) => n !== got);
        };
        // Resuming: the schema goes only onto a database that holds exactly this data.
        if (resume && (await check()).length) {
          const n = await d.executeQuery('MATCH (n) RETURN count(n) AS c', {}, { database });
          throw new BulkRefusedError(refusal(Number(n.records[0]!.get('c'))));
        }
        t = performance.now();
        await applySchema(d, database, opts.schemaFile ?? SCHEMA_CYPHER, { populated: true });
        const schemaMs = performance.now() - t;
        t = performance.now();
        const wrong = await check();
        if (wrong.length)
          throw new Error(
            `seed --bulk: the imported database does not hold what was written: ${wrong.map(([k, n, got]) => `${k} ${got} (expected ${n})`).join(', ')}`,
          );
        const verifyMs = performance.now() - t;
        return {
          counts: csv.counts,
          articlesChecked,
          quotesChecked,
          csvMB,
          ms: { csv: csvMs, import: importMs, schema: schemaMs, verify: verifyMs, total: performance.now() - t0 },
        };
      });
    } finally {
      await h.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function refusal(nodes: number): string {
  return (
    `seed --bulk: refused: the managed database holds ${nodes} nodes, and the import would replace all ` +
    `of them. The bulk path is for an empty database; ${ONLINE} (add --reset to replace this dataset).`
  );
}

async function withDriver<T>(h: ManagedHandle, fn: (d: ReturnType<typeof createDriver>) => Promise<T>): Promise<T> {
  const d = createDriver({ uri: h.info.uri!, username: h.info.username, password: h.info.password! });
  try {
    return await fn(d);
  } finally {
    await d.close();
  }
}
