import type { Driver } from 'neo4j-driver';
import { DEFAULT_ARTICLES_DIR, SCHEMA_CYPHER, SEED_DATA_DIR } from '../runtime/paths';
import { DEFAULT_BATCH, applySchema, ourLabelsEmpty, writeAndCount, type LoadCounts } from './load';
import { LOAD_APP, loadBatched, recoverInterruptedLoads, seedBatches, type LoadMode } from './batched';
import { SeedRows } from './rows';
import { readSeed, SeedValidationError, type SeedData } from './read';
import { verifyAgainstArticles } from './verify';
import { upgradeSeededSchema } from './schema-upgrade';
import { upgradeSeededCounts } from './counts-upgrade';

export { DATASET } from './load';
export { recoverInterruptedLoads } from './batched';
export { readSeed, SeedValidationError, type SeedData, type SeedIssue } from './read';
export { verifyAgainstArticles } from './verify';

export interface SeedOptions {
  /** Replace this dataset: the old one is deleted once the new one is written and verified. */
  reset?: boolean;
  dataDir?: string;
  /** Article texts for the quote/checksum check; skipped (and reported so) when absent. */
  articlesDir?: string;
  schemaFile?: string;
  /** Server-side limit per transaction, ms. */
  timeoutMs?: number;
  /** Rows per batch (one transaction each); default DEFAULT_BATCH. */
  batchSize?: number;
  log?: (line: string) => void;
}

export interface SeedReport {
  counts: LoadCounts;
  /** 'create' / 'staged': batched (empty database / --reset over the dataset); 'merge': one transaction. */
  mode: LoadMode | 'merge';
  articlesChecked: boolean;
  quotesChecked: number;
  ms: number;
}

/** Validates the data and the article texts; throws SeedValidationError before any write. */
export function validateSeed(opts: SeedOptions = {}): {
  data: SeedData;
  articlesChecked: boolean;
  quotesChecked: number;
} {
  const data = readSeed(opts.dataDir ?? SEED_DATA_DIR);
  const v = verifyAgainstArticles(data, opts.articlesDir ?? DEFAULT_ARTICLES_DIR);
  if (v.issues.length) throw new SeedValidationError(v.issues);
  return { data, articlesChecked: v.checked, quotesChecked: v.quotesChecked };
}

/**
 * Validates everything, removes or completes an interrupted earlier load, applies the schema,
 * then loads. Into a database where none of our labels holds a node, or with --reset: batched
 * (batched.ts: one transaction per batch, flat memory, all or nothing through the load marker).
 * Over an existing dataset without --reset: MERGE in ONE transaction (writeSeed), so a re-run
 * only updates in place — bounded by the server's transaction memory; use --reset for big
 * reloads. Cost: ~1–2 s for the Belgorod graph.
 */
export async function seedDatabase(driver: Driver, database: string, opts: SeedOptions = {}): Promise<SeedReport> {
  const t0 = Date.now();
  const log = opts.log ?? (() => {});
  const { data, articlesChecked, quotesChecked } = validateSeed(opts);
  log(
    articlesChecked
      ? `seed: data valid; ${quotesChecked} quotes and ${data.articles.length} checksums verified against the articles`
      : `seed: data valid; article texts not found (${opts.articlesDir ?? DEFAULT_ARTICLES_DIR}), so the quote/checksum check was SKIPPED`,
  );
  for (const l of await recoverInterruptedLoads(driver, database)) log(l);
  await applySchema(driver, database, opts.schemaFile ?? SCHEMA_CYPHER);
  const empty = await ourLabelsEmpty(driver, database);
  if (empty || opts.reset) {
    const mode: LoadMode = empty ? 'create' : 'staged';
    const rows = new SeedRows(data);
    const counts = await loadBatched(driver, database, seedBatches(rows, opts.batchSize ?? DEFAULT_BATCH), {
      mode,
      timeoutMs: opts.timeoutMs,
      log,
    });
    return { counts, mode, articlesChecked, quotesChecked, ms: Date.now() - t0 };
  }
  const session = driver.session({ database });
  try {
    const tx = session.beginTransaction({ timeout: opts.timeoutMs ?? 120_000, metadata: { app: LOAD_APP } });
    try {
      const { counts } = await writeAndCount(tx, data, { reset: false, strategy: 'merge' });
      await tx.commit();
      return { counts, mode: 'merge', articlesChecked, quotesChecked, ms: Date.now() - t0 };
    } catch (e) {
      if (tx.isOpen()) await tx.rollback().catch(() => {});
      throw e;
    }
  } finally {
    await session.close();
  }
}

/** True when the database holds no node at all. Cost: one tiny query. */
export async function isDatabaseEmpty(driver: Driver, database: string): Promise<boolean> {
  const r = await driver.executeQuery('MATCH (n) RETURN n LIMIT 1', {}, { database });
  return r.records.length === 0;
}

/**
 * Seeds only an empty database (what `npm start` does); returns null when it left its data alone.
 * A database newsgraph seeded earlier gets what the schema gained since (schema-upgrade.ts) and
 * its corroboration counts by the current rule (counts-upgrade.ts); one seeded now is marked so.
 */
export async function seedIfEmpty(
  driver: Driver,
  database: string,
  opts: SeedOptions = {},
): Promise<SeedReport | null> {
  // An interrupted first load is removed before the emptiness check, so it is loaded again.
  for (const l of await recoverInterruptedLoads(driver, database)) opts.log?.(l);
  const upgradeCounts = (fresh: boolean) => upgradeSeededCounts(driver, database, { fresh, log: opts.log });
  if (!(await isDatabaseEmpty(driver, database))) {
    await upgradeSeededSchema(driver, database, opts.schemaFile ?? SCHEMA_CYPHER, opts.log);
    await upgradeCounts(false);
    return null;
  }
  const report = await seedDatabase(driver, database, opts);
  await upgradeCounts(true);
  return report;
}

/** "Person 40, Place 60, …" for logs. */
export function formatCounts(c: LoadCounts): string {
  const n = Object.entries(c.nodes)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  const r = Object.entries(c.relationships)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  return `nodes: ${n}\nrelationships: ${r}`;
}
