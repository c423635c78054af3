import type { Driver } from 'neo4j-driver';
import { DEFAULT_ARTICLES_DIR, SCHEMA_CYPHER, SEED_DATA_DIR } from '../runtime/paths';
import { applySchema, writeAndCount, type LoadCounts } from './load';
import { readSeed, SeedValidationError, type SeedData } from './read';
import { verifyAgainstArticles } from './verify';

export { DATASET } from './load';
export { readSeed, SeedValidationError, type SeedData, type SeedIssue } from './read';
export { verifyAgainstArticles } from './verify';

export interface SeedOptions {
  /** Remove this dataset's nodes first (same transaction as the load). */
  reset?: boolean;
  dataDir?: string;
  /** Article texts for the quote/checksum check; skipped (and reported so) when absent. */
  articlesDir?: string;
  schemaFile?: string;
  /** Server-side limit for the data transaction, ms. */
  timeoutMs?: number;
  log?: (line: string) => void;
}

export interface SeedReport {
  counts: LoadCounts;
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
 * Validates everything, applies the schema, then loads the whole dataset in ONE transaction:
 * all or nothing, idempotent (CREATE into an empty database or after --reset, MERGE over
 * existing data; see writeSeed). Cost: ~1–2 s for the Belgorod graph.
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
  await applySchema(driver, database, opts.schemaFile ?? SCHEMA_CYPHER);
  const session = driver.session({ database });
  try {
    const tx = session.beginTransaction({ timeout: opts.timeoutMs ?? 120_000, metadata: { app: 'newsgraph-seed' } });
    try {
      const { counts } = await writeAndCount(tx, data, { reset: !!opts.reset });
      await tx.commit();
      return { counts, articlesChecked, quotesChecked, ms: Date.now() - t0 };
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

/** Seeds only an empty database (what `npm start` does); returns null when it left it alone. */
export async function seedIfEmpty(
  driver: Driver,
  database: string,
  opts: SeedOptions = {},
): Promise<SeedReport | null> {
  if (!(await isDatabaseEmpty(driver, database))) return null;
  return seedDatabase(driver, database, opts);
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
