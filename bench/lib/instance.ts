/**
 * A throw-away managed Neo4j for benchmarks: its own temporary folder, a free port, never the
 * shared .neo4j/instance. Stopped and deleted by `dispose()` (and killed with us on exit).
 */
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import { loadEnv } from '../../src/runtime/config';
import { startManaged, type ManagedHandle } from '../../src/runtime/managed/instance';
import { freePort } from '../../src/runtime/managed/ports';

export interface BenchNeo4jOptions {
  heap?: string;
  pagecache?: string;
  /** Extra neo4j.conf lines (appended after the hardened template, so they win). */
  extraConf?: Record<string, string>;
  /** Reuse this folder (e.g. one an offline import wrote) instead of a fresh temporary one. */
  home?: string;
}

export interface BenchNeo4j {
  home: string;
  uri: string;
  password: string;
  database: string;
  driver: Driver;
  handle: ManagedHandle;
  /** Stops the server (keeps the folder). */
  stop(): Promise<void>;
  /** Stops the server and removes the folder. */
  dispose(): Promise<void>;
}

/**
 * Settings every bench instance gets: the loader runs the whole dataset in ONE transaction, which
 * at 1M relationships needs far more than the interactive caps of the shared instance (256 MB per
 * transaction, 30 s). The conf template already sets both and, under strict validation, Neo4j
 * refuses a key declared twice (dbms.setConfigValue is Enterprise-only), so bench instances turn
 * strict validation off: the later declaration then wins. Tracked transaction memory stays bounded
 * by dbms.memory.transaction.total.max (60 % of the heap).
 */
export const BULK_CONF: Record<string, string> = {
  'server.config.strict_validation.enabled': 'false',
  'db.memory.transaction.max': '0',
  'db.transaction.timeout': '0s',
  // The template caps all transactions together at 60 % of the heap; at 1M relationships the one
  // load transaction needs more than that (it failed at 2.4 GiB of a 4 GiB heap): heap-bounded.
  'dbms.memory.transaction.total.max': '0',
};

export function newBenchHome(prefix = 'newsgraph-bench-neo4j-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Cost: a JVM start, ~10–20 s here. */
export async function startBenchNeo4j(opts: BenchNeo4jOptions = {}): Promise<BenchNeo4j> {
  const home = opts.home ?? newBenchHome();
  const handle = await startManaged({
    home,
    port: await freePort(),
    heap: opts.heap ?? '2g',
    pagecache: opts.pagecache ?? '1g',
    extraConf: { ...BULK_CONF, ...opts.extraConf },
    // A JVM start takes minutes when the shared machine is busy.
    readyTimeoutMs: 300_000,
    javaHome: loadEnv().JAVA_HOME,
    reuse: false,
    log: () => {},
  });
  const uri = handle.info.uri!;
  const password = handle.info.password!;
  const driver = neo4j.driver(uri, neo4j.auth.basic('neo4j', password), {
    maxTransactionRetryTime: 2_000,
    maxConnectionPoolSize: 200,
  });
  const stop = async () => {
    await driver.close().catch(() => {});
    await handle.stop(60_000);
  };
  return {
    home,
    uri,
    password,
    database: handle.info.database,
    driver,
    handle,
    stop,
    dispose: async () => {
      await stop();
      rmSync(home, { recursive: true, force: true });
    },
  };
}

/** Bytes under a folder (recursive). */
export function duBytes(dir: string): number {
  let total = 0;
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return 0;
  }
  for (const name of entries) {
    const p = join(dir, name);
    const s = statSync(p, { throwIfNoEntry: false });
    if (!s) continue;
    total += s.isDirectory() ? duBytes(p) : s.size;
  }
  return total;
}

/** Store files and transaction logs of the `neo4j` database in an instance folder. */
export function storeSize(home: string): { store: number; txLogs: number } {
  return {
    store: duBytes(join(home, 'data', 'databases', 'neo4j')),
    txLogs: duBytes(join(home, 'data', 'transactions', 'neo4j')),
  };
}
