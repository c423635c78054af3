/**
 * Brings a database newsgraph seeded earlier up to cypher/schema.cypher when `npm start` finds it
 * already loaded (an index added since, such as claim_statements or article_titles, reaches it without
 * a re-seed).
 * Only a database with newsgraph's schema (the entity_id constraint and the entity_names index, as
 * ingest tells ours from others): one newsgraph did not seed is never written to, not even an index.
 */
import { readFileSync } from 'node:fs';
import type { Driver } from 'neo4j-driver';
import { applySchema } from './load';

const OURS = ['entity_id', 'entity_names'];

/** The names of the indexes and constraints a schema file creates. */
export function schemaNames(cypher: string): string[] {
  const re = /^\s*CREATE\s+(?:\w+\s+)?(?:INDEX|CONSTRAINT)\s+(\w+)/gim;
  return [...cypher.matchAll(re)].map((m) => m[1]!);
}

/** The names of the database's indexes and constraints. One SHOW INDEXES. */
export async function indexNames(driver: Driver, database: string): Promise<string[]> {
  // A constraint owns an index of the same name, so one SHOW INDEXES sees both.
  const r = await driver.executeQuery('SHOW INDEXES YIELD name RETURN collect(name) AS names', {}, { database });
  return (r.records[0]?.get('names') as string[] | undefined) ?? [];
}

/** Whether these index names are newsgraph's schema (OURS): a database newsgraph seeded. */
export const isOurs = (names: readonly string[]): boolean => OURS.every((n) => names.includes(n));

/**
 * Applies the schema (idempotent) to a database with newsgraph's schema that lacks part of it;
 * returns the names it added ([] when nothing was missing), or null when the database is not ours.
 * Cost: one SHOW INDEXES when nothing is missing. A failure (an account without schema rights, an
 * index still building after a minute) is logged and does not stop start-up: search uses what is online.
 */
export async function upgradeSeededSchema(
  driver: Driver,
  database: string,
  schemaFile: string,
  log: (line: string) => void = () => {},
): Promise<string[] | null> {
  try {
    const before = await indexNames(driver, database);
    if (!isOurs(before)) return null;
    const missing = schemaNames(readFileSync(schemaFile, 'utf8')).filter((n) => !before.includes(n));
    if (!missing.length) return [];
    await applySchema(driver, database, schemaFile);
    const added = (await indexNames(driver, database)).filter((n) => !before.includes(n));
    log(`newsgraph: added to the seeded database's schema: ${added.join(', ')}`);
    return added;
  } catch (e) {
    log(`newsgraph: could not bring the schema up to date (${(e as Error).message}); search uses the indexes online`);
    return [];
  }
}
