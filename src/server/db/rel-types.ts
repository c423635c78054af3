import type { Driver } from 'neo4j-driver';
import { readQuery, type Db } from './runner';

/**
 * The database's relationship type names (sorted), cached per driver.
 *
 * Why: Neo4j answers `COUNT { (n)-[:T]->() }` from its degree store (one database hit, however
 * many relationships n has) only when T is written in the query; a type taken from a variable
 * makes it expand every relationship. So the read endpoints write the types into their Cypher,
 * and check in the same statement that the node's degree matches the sum over the known types:
 * a mismatch means a new type appeared, and the caller refreshes (`refreshRelationshipTypes`)
 * and asks again. Cost: one round trip on a refresh, at most once a minute otherwise.
 */
const cache = new WeakMap<Driver, { at: number; types: Promise<string[]> }>();
/** Re-read at least this often, for callers that cannot detect a new type themselves (paths). */
const TTL_MS = 60_000;

async function fetchTypes(db: Db): Promise<string[]> {
  const r = await readQuery(db, 'CALL db.relationshipTypes() YIELD relationshipType RETURN relationshipType AS t');
  return r.records.map((x) => String(x.get('t'))).sort();
}

export function relationshipTypes(db: Db): Promise<string[]> {
  const c = cache.get(db.driver);
  if (c && Date.now() - c.at < TTL_MS) return c.types;
  const types = fetchTypes(db).catch((e: unknown) => {
    cache.delete(db.driver);
    throw e;
  });
  cache.set(db.driver, { at: Date.now(), types });
  return types;
}

/** Forgets the cached list (a node had relationships of a type the list lacks). */
export function refreshRelationshipTypes(db: Db): Promise<string[]> {
  cache.delete(db.driver);
  return relationshipTypes(db);
}

/** A relationship type as a Cypher identifier (backticks doubled), safe for any name. */
export const quoteType = (t: string) => '`' + t.replaceAll('`', '``') + '`';
