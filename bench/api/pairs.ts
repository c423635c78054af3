/**
 * Pairs for the paths requests: each probe and a node exactly `HOPS` hops from it over the
 * relationships the API follows by default (all but MENTIONS). Two random ordinary nodes are often
 * not connected within 4 hops at one scale and connected at another (at 100k the first pair had no
 * path, because its first node had no relationship but mentions): their costs then compare a search
 * that ends at once with one that finds paths. A pair at a fixed distance asks for the same kind of
 * answer at every scale.
 */
import type { Driver } from 'neo4j-driver';
import { PATHS_DEFAULT_EXCLUDE } from '../../src/shared/api/paths';
import { createDriver } from '../../src/runtime/connection';
import type { ApiTarget } from './run';

/** The distance of every pair: within the requests' 4 hops, beyond a shared neighbour. */
export const PAIR_HOPS = 3;
/** Level-2 nodes the last level is expanded from (in id order): bounds the search through hubs. */
const LAST_FROM = 200;

/** The ids of `ids`' neighbours over the followed relationships. */
async function neighbours(driver: Driver, database: string, ids: string[]): Promise<string[]> {
  const r = await driver.executeQuery(
    `UNWIND $ids AS id MATCH (n:Entity {id: id})-[r]-(m:Entity)
     WHERE NOT type(r) IN $exclude RETURN DISTINCT m.id AS id`,
    { ids, exclude: [...PATHS_DEFAULT_EXCLUDE] },
    { database, routing: 'READ' },
  );
  return r.records.map((x) => String(x.get('id')));
}

/**
 * A node exactly PAIR_HOPS from `from` (levels 0…2 complete, so distance 3 is exact), the smallest
 * id; null when none exists. Cost: one query per level, the second level complete (a hub's whole
 * neighbourhood), setup only.
 */
export async function partnerOf(driver: Driver, database: string, from: string): Promise<string | null> {
  const seen = new Set([from]);
  let level = [from];
  for (let hop = 1; hop <= PAIR_HOPS; hop++) {
    const expandFrom = hop === PAIR_HOPS ? [...level].sort().slice(0, LAST_FROM) : level;
    level = (await neighbours(driver, database, expandFrom)).filter((id) => !seen.has(id));
    if (hop < PAIR_HOPS) for (const id of level) seen.add(id);
    if (!level.length) return null;
  }
  return level.sort()[0] ?? null;
}

/** For each probe, [probe, its partner], probes without one left out. */
export async function pathPairs(t: ApiTarget, probes: string[]): Promise<Array<[string, string]>> {
  const driver = createDriver({ uri: t.uri, username: 'neo4j', password: t.password });
  try {
    const out: Array<[string, string]> = [];
    for (const p of probes) {
      const q = await partnerOf(driver, t.database, p);
      if (q) out.push([p, q]);
    }
    return out;
  } finally {
    await driver.close();
  }
}
