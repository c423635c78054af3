/**
 * Corroboration counts of a database newsgraph seeded before their rule changed: on start, its
 * relationships' and claims' `outlets` and `unnamed_outlets` are counted again once by the rule
 * provenance() follows now (rows.ts), and the version counted is recorded. A database seeded
 * since, or counted already, costs one SHOW INDEXES, one db.info() and one store read.
 *
 * The version is kept in the app store, per Neo4j database (its id from db.info()), not in the
 * graph: newsgraph keeps no bookkeeping node in a graph the explorer shows. A database newsgraph
 * did not seed (without its entity_id constraint and entity_names index) is never written to.
 */
import neo4j, { type Driver } from 'neo4j-driver';
import type { AppStore } from '../runtime/store/app-store';
import { isSeededByUs } from './schema-upgrade';

/**
 * The rule the stored counts follow: 1 counted every article's outlet, its name or the article
 * itself when none; 2 counts named outlets apart from articles of unknown outlet (a placeholder
 * organization, or none), which are `unnamed_outlets`.
 */
export const COUNTS_VERSION = 2;

/** Rows per write transaction of the recount: its memory stays that of one batch. */
export const RECOUNT_BATCH = 5_000;

/** Relationship types that never carry counts (a mention's quote is not evidence), left out of the scan. */
const UNCOUNTED_TYPES = ['MENTIONS'];

/** Where the counted version of each database is kept. */
export interface CountsMarks {
  read(database: string): number | null;
  write(database: string, version: number): void;
  /** Forgets a database's version (tests simulate a database counted by an older rule). */
  forget(database: string): void;
}

/** The marks in the app store (table `counts_versions`). */
export function countsMarks(store: AppStore): CountsMarks {
  store.migrate('counts', [
    'CREATE TABLE counts_versions (database_id TEXT PRIMARY KEY, version INTEGER NOT NULL, at TEXT NOT NULL)',
  ]);
  const get = store.db.prepare<[string], { version: number }>(
    'SELECT version FROM counts_versions WHERE database_id = ?',
  );
  const put = store.db.prepare(
    `INSERT INTO counts_versions (database_id, version, at) VALUES (?, ?, ?)
     ON CONFLICT(database_id) DO UPDATE SET version = excluded.version, at = excluded.at`,
  );
  const del = store.db.prepare('DELETE FROM counts_versions WHERE database_id = ?');
  return {
    read: (id) => get.get(id)?.version ?? null,
    write: (id, v) => void put.run(id, v, new Date().toISOString()),
    forget: (id) => void del.run(id),
  };
}

/** The database's own id (db.info()): a database created again gets another one. */
export async function databaseId(driver: Driver, database: string): Promise<string> {
  const r = await driver.executeQuery('CALL db.info() YIELD id RETURN id', {}, { database });
  return `${database}:${String(r.records[0]!.get('id'))}`;
}

/**
 * The distinct articles `x` cites (`evidence_articles`, else `article`), as `named` (distinct
 * named outlets) and `unnamed` (articles of unknown outlet): outletsOf's rule (ingest/review/values.ts).
 */
const COUNT = (x: string) => `
    CALL (${x}) {
      UNWIND coalesce(${x}.evidence_articles, [${x}.article]) AS id
      WITH DISTINCT id WHERE id IS NOT NULL
      OPTIONAL MATCH (a:Article {id: id})
      OPTIONAL MATCH (o:Organization {id: a.outlet_id})
      WITH CASE WHEN o.placeholder = true THEN null ELSE coalesce(a.outlet_id, a.outlet) END AS outlet
      RETURN count(DISTINCT outlet) AS named, sum(CASE WHEN outlet IS NULL THEN 1 ELSE 0 END) AS unnamed
    }`;

/** Writes the counts that differ, in the numeric type `outlets` was stored as (the seed's are floats). */
const WRITE = (x: string) => `
    WITH ${x}, named, unnamed
    WHERE ${x}.outlets <> named OR ${x}.unnamed_outlets IS NULL OR ${x}.unnamed_outlets <> unnamed
    WITH ${x}, named, unnamed, valueType(${x}.outlets) STARTS WITH 'FLOAT' AS float
    SET ${x}.outlets = CASE WHEN float THEN toFloat(named) ELSE named END,
        ${x}.unnamed_outlets = CASE WHEN float THEN toFloat(unnamed) ELSE unnamed END
    RETURN count(*) AS n`;

const quoted = (name: string) => `\`${name.replace(/`/g, '``')}\``;

/**
 * Counts `outlets` and `unnamed_outlets` again on every claim and relationship that has counts,
 * writing those that changed, RECOUNT_BATCH rows per transaction; returns how many changed.
 * Cost: one scan of the Claim label and one per relationship type (mentions aside), each row's
 * articles read by index.
 */
export async function recountAll(driver: Driver, database: string, batch = RECOUNT_BATCH): Promise<number> {
  const session = driver.session({ database });
  try {
    const types = (await session.run('CALL db.relationshipTypes() YIELD relationshipType AS t RETURN t')).records
      .map((r) => r.get('t') as string)
      .filter((t) => !UNCOUNTED_TYPES.includes(t));
    const scans = [
      'MATCH (x:Claim) WHERE x.outlets IS NOT NULL',
      ...types.map((t) => `MATCH ()-[x:${quoted(t)}]->() WHERE x.outlets IS NOT NULL`),
    ];
    let changed = 0;
    for (const scan of scans) {
      // CALL … IN TRANSACTIONS runs only in an implicit transaction: session.run, not executeWrite.
      const r = await session.run(
        `${scan}
         CALL (x) {${COUNT('x')}${WRITE('x')}
         } IN TRANSACTIONS OF $batch ROWS
         RETURN sum(n) AS n`,
        { batch: neo4j.int(Math.max(1, Math.round(batch))) },
      );
      changed += Number(r.records[0]?.get('n') ?? 0);
    }
    return changed;
  } finally {
    await session.close();
  }
}

/**
 * On start: a database newsgraph seeded whose counts follow an older rule (or none recorded) is
 * counted again once and the current version recorded; `fresh`: seeded just now, by the current
 * rule (recorded only). Returns how many claims and relationships changed, or null when nothing
 * was to do (not ours, or counted already). A failure is logged and does not stop start-up.
 */
export async function upgradeSeededCounts(
  driver: Driver,
  database: string,
  marks: CountsMarks,
  opts: { fresh?: boolean; batch?: number; log?: (line: string) => void } = {},
): Promise<number | null> {
  const log = opts.log ?? (() => {});
  try {
    if (!(await isSeededByUs(driver, database))) return null;
    const id = await databaseId(driver, database);
    if ((marks.read(id) ?? 0) >= COUNTS_VERSION) return null;
    if (opts.fresh) {
      marks.write(id, COUNTS_VERSION);
      return null;
    }
    const t0 = Date.now();
    const changed = await recountAll(driver, database, opts.batch);
    marks.write(id, COUNTS_VERSION);
    log(
      `newsgraph: corroboration counts brought up to the current rule: ${changed} changed (${((Date.now() - t0) / 1000).toFixed(1)} s)`,
    );
    return changed;
  } catch (e) {
    log(`newsgraph: could not count corroboration again (${(e as Error).message}); the stored counts stay`);
    return null;
  }
}
