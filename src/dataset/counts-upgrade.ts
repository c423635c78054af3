/**
 * Corroboration counts of a database newsgraph seeded before their rule changed: on start, its
 * relationships' and claims' `outlets` and `unnamed_outlets` are counted again once by the rule
 * provenance() follows now (rows.ts), and the version counted is marked in the database. A
 * database seeded since, or counted already, costs one SHOW INDEXES.
 *
 * The mark is the name of an index (COUNTS_MARK, internal.ts), next to the schema names that tell a
 * database newsgraph seeded from others: it travels with the data (a dump restored anywhere, a
 * copy, an older dump restored over a counted database carries its own mark or none), and, not
 * being a node, no query, count, export or overview sees it. The app store is not asked: the
 * marks it held (by database id) could not tell a restored older dump from the database it counted,
 * and a database it marked is only counted once more (unchanged counts are not written).
 * A database newsgraph did not seed (without its entity_id constraint and entity_names index) is
 * never written to.
 */
import neo4j, { type Driver } from 'neo4j-driver';
import { COUNTS_MARK_KEY, COUNTS_MARK_PREFIX, LOADING_LABEL } from './internal';
import { indexNames, isOurs } from './schema-upgrade';

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

const MARK = new RegExp(`^${COUNTS_MARK_PREFIX}(\\d+)$`);

/** The version the database's mark names (the highest, should two be there), 0 when none. */
export function countsVersionOf(indexNames: readonly string[]): number {
  return Math.max(0, ...indexNames.map((n) => Number(MARK.exec(n)?.[1] ?? 0)));
}

/**
 * Marks the database as counted by the current rule: an older mark is dropped first (the marks
 * index the same property, so two cannot stand together); an interruption in between only costs
 * one more recount. The index is on a label that holds no node once a load is done: it costs nothing.
 */
export async function writeCountsMark(driver: Driver, database: string, names: readonly string[]): Promise<void> {
  const mark = `${COUNTS_MARK_PREFIX}${COUNTS_VERSION}`;
  for (const old of names.filter((n) => MARK.test(n) && n !== mark))
    await driver.executeQuery(`DROP INDEX ${old} IF EXISTS`, {}, { database });
  await driver.executeQuery(
    `CREATE INDEX ${mark} IF NOT EXISTS FOR (n:${LOADING_LABEL}) ON (n.${COUNTS_MARK_KEY})`,
    {},
    { database },
  );
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
 * On start: a database newsgraph seeded whose counts follow an older rule (or carry no mark) is
 * counted again once and marked; `fresh`: seeded just now, by the current rule (marked only).
 * Returns how many claims and relationships changed, or null when nothing was to do (not ours, or
 * counted already). A failure is logged and does not stop start-up (the next start tries again).
 */
export async function upgradeSeededCounts(
  driver: Driver,
  database: string,
  opts: { fresh?: boolean; batch?: number; log?: (line: string) => void } = {},
): Promise<number | null> {
  const log = opts.log ?? (() => {});
  try {
    const names = await indexNames(driver, database);
    if (!isOurs(names) || countsVersionOf(names) >= COUNTS_VERSION) return null;
    if (opts.fresh) {
      await writeCountsMark(driver, database, names);
      return null;
    }
    const t0 = Date.now();
    const changed = await recountAll(driver, database, opts.batch);
    await writeCountsMark(driver, database, names);
    log(
      `newsgraph: corroboration counts brought up to the current rule: ${changed} changed (${((Date.now() - t0) / 1000).toFixed(1)} s)`,
    );
    return changed;
  } catch (e) {
    log(`newsgraph: could not count corroboration again (${(e as Error).message}); the stored counts stay`);
    return null;
  }
}
