/**
 * `npm run seed [-- --reset] [--articles DIR] [--data DIR] [--batch N] [--check] [--bulk]`
 * Validates the seed data (and the quotes against the articles when they are there), then loads it
 * in batches of N rows (one transaction each; src/dataset/batched.ts). `--check` validates only.
 * Uses NEO4J_URI or the managed Neo4j. `--bulk`: an empty managed Neo4j only, through
 * `neo4j-admin database import full` (src/dataset/bulk.ts).
 */
import { spawnSync } from 'node:child_process';
import { totalmem } from 'node:os';
import { resolve } from 'node:path';
import { getHeapStatistics } from 'node:v8';
import { SEED_DATA_DIR } from '../src/runtime/paths';
import { planHeap, yamlBytes } from '../src/dataset/heap';
import { ConfigError, loadEnv } from '../src/runtime/config';
import { createDriver, resolveTarget } from '../src/runtime/connection';
import { ManagedNeo4jError } from '../src/runtime/managed/errors';
import { formatCounts, seedDatabase, SeedValidationError, validateSeed } from '../src/dataset/index';
import { bulkSeed, BulkRefusedError } from '../src/dataset/bulk';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<number> {
  const env = loadEnv();
  const opts = {
    reset: process.argv.includes('--reset'),
    articlesDir: resolve(arg('--articles') ?? env.ARTICLES_DIR),
    dataDir: arg('--data') ? resolve(arg('--data')!) : undefined,
    batchSize: arg('--batch') ? Number(arg('--batch')) : undefined,
    log: (l: string) => console.log(l),
  };
  // A big folder would run out of heap minutes into the parse (a V8 crash): decide before parsing.
  const plan = planHeap({
    dataBytes: yamlBytes(opts.dataDir ?? SEED_DATA_DIR),
    limitBytes: getHeapStatistics().heap_size_limit,
    totalMemBytes: totalmem(),
    rerunDone: process.env.NEWSGRAPH_SEED_RERUN === '1',
  });
  if (plan.action === 'stop') throw new ConfigError(plan.message);
  if (plan.action === 'rerun') {
    console.log(`seed: big data folder; running again with --max-old-space-size=${plan.mb}`);
    const r = spawnSync(
      process.execPath,
      [...process.execArgv, `--max-old-space-size=${plan.mb}`, ...process.argv.slice(1)],
      { stdio: 'inherit', env: { ...process.env, NEWSGRAPH_SEED_RERUN: '1' } },
    );
    return r.status ?? 1;
  }
  if (process.argv.includes('--check')) {
    const v = validateSeed(opts);
    console.log(
      v.articlesChecked
        ? `seed: valid; ${v.quotesChecked} quotes verified`
        : 'seed: valid; article texts not found, quote check SKIPPED',
    );
    return 0;
  }
  if (opts.batchSize !== undefined && !(Number.isInteger(opts.batchSize) && opts.batchSize > 0))
    throw new ConfigError(`seed: --batch must be a positive whole number, not "${arg('--batch')}"`);
  if (process.argv.includes('--bulk')) {
    if (opts.reset)
      throw new BulkRefusedError('seed --bulk: refused: --bulk loads an empty database only; drop --reset');
    const r = await bulkSeed(env, opts);
    const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
    console.log(
      `seed --bulk: loaded in ${s(r.ms.total)} (CSV ${s(r.ms.csv)}, import ${s(r.ms.import)}, schema ${s(r.ms.schema)}); counts verified`,
    );
    console.log(formatCounts(r.counts));
    return 0;
  }
  const target = await resolveTarget(env, (l) => console.log(l));
  const driver = createDriver(target);
  try {
    const r = await seedDatabase(driver, target.database, opts);
    console.log(
      `seed: loaded into ${target.uri} (${target.database}) in ${(r.ms / 1000).toFixed(1)} s${opts.reset ? ' after --reset' : ''} (${r.mode === 'merge' ? 'merged in one transaction' : 'batched'})`,
    );
    console.log(formatCounts(r.counts));
    return 0;
  } finally {
    await driver.close();
    // The managed server keeps running only if it was already running before this command.
    if (target.managed?.owned) await target.managed.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    if (
      e instanceof SeedValidationError ||
      e instanceof ManagedNeo4jError ||
      e instanceof ConfigError ||
      e instanceof BulkRefusedError
    )
      console.error(e.message);
    else console.error(e);
    process.exit(1);
  },
);
