/**
 * A database newsgraph seeded before the corroboration-count rule changed: `npm start`'s path
 * (seedIfEmpty) counts its claims' and relationships' `outlets` and `unnamed_outlets` again once,
 * in batches, and marks the version in the database itself (an index's name), so the mark travels
 * with a dump; a database newsgraph did not seed (without its entity_names index) is left as it
 * is. On the real managed Neo4j.
 */
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedIfEmpty } from '../../../src/dataset/index';
import { COUNTS_VERSION, recountAll, upgradeSeededCounts } from '../../../src/dataset/counts-upgrade';
import { applySchema } from '../../../src/dataset/load';
import { SCHEMA_CYPHER } from '../../../src/runtime/paths';
import { testDriver, testNeo4j } from '../../support/neo4j';
import { graphFingerprint, reseedIfChanged, seededFingerprint } from '../../support/seeded';

let driver: Driver;
let seeded: string;
const database = () => testNeo4j().database;

beforeAll(async () => {
  seeded = await seededFingerprint();
  driver = testDriver();
  await setMark(null);
}, 120_000);

afterAll(async () => {
  // The next file finds the database as the test seed leaves it: without a mark.
  if (driver) await setMark(null);
  await driver?.close();
  await reseedIfChanged(seeded);
}, 120_000);

const run = async (q: string, p: Record<string, unknown> = {}) =>
  (await driver.executeQuery(q, p, { database: database() })).records;

/** The marks (index names) the database holds. */
async function marks(): Promise<string[]> {
  const r = await run('SHOW INDEXES YIELD name RETURN collect(name) AS n');
  return (r[0]!.get('n') as string[]).filter((n) => n.startsWith('newsgraph_counts_v')).sort();
}

/** Makes the database carry the mark of `version` only, or none; written as a dump of that time would hold it. */
async function setMark(version: number | null): Promise<void> {
  for (const m of await marks()) await run(`DROP INDEX ${m}`);
  if (version !== null)
    await run(`CREATE INDEX newsgraph_counts_v${version} FOR (n:NewsgraphLoading) ON (n.newsgraph_counts)`);
}

/**
 * Counts as the rule before this one left them: a relationship citing an article of unknown
 * outlet counted it as an outlet and had no `unnamed_outlets`; one claim's count is wrong too.
 */
async function oldCounts(): Promise<void> {
  const r = await run(
    `MATCH ()-[r]->() WHERE r.unnamed_outlets > 0 WITH r LIMIT 1
     SET r.outlets = r.outlets + r.unnamed_outlets REMOVE r.unnamed_outlets RETURN count(r) AS n`,
  );
  expect(Number(r[0]!.get('n'))).toBe(1);
  const c = await run(
    `MATCH (c:Claim) WHERE c.outlets >= 1 WITH c LIMIT 1 SET c.outlets = c.outlets + 7 RETURN count(c) AS n`,
  );
  expect(Number(c[0]!.get('n'))).toBe(1);
}

const CURRENT = [`newsgraph_counts_v${COUNTS_VERSION}`];

describe('corroboration counts of a database seeded by an older rule', () => {
  it('start counts them again once, in batches, and marks the database; after that it does nothing', async () => {
    await oldCounts();
    expect(await graphFingerprint()).not.toBe(seeded);
    // A dump taken under the older rule: its mark names that rule.
    await setMark(COUNTS_VERSION - 1);

    // npm start's path on a database with data: its counts counted again, the older mark replaced.
    const lines: string[] = [];
    expect(await seedIfEmpty(driver, database(), { log: (l) => lines.push(l) })).toBeNull();
    expect(lines).toEqual([expect.stringContaining('corroboration counts brought up to the current rule: 2 changed')]);
    expect(await marks()).toEqual(CURRENT);
    // Every count as the seed writes it now (values and their float type alike).
    expect(await graphFingerprint()).toBe(seeded);

    // Once: marked, a later start counts nothing (a count damaged since stays). Nothing but the
    // database is asked, so a restored dump or a copy with a fresh app store is not counted again.
    await oldCounts();
    expect(await upgradeSeededCounts(driver, database())).toBeNull();
    expect(await graphFingerprint()).not.toBe(seeded);

    // No mark (a dump of a database counted before the mark was kept there): counted again, one row per transaction.
    await setMark(null);
    expect(await upgradeSeededCounts(driver, database(), { batch: 1 })).toBe(2);
    expect(await graphFingerprint()).toBe(seeded);
    expect(await marks()).toEqual(CURRENT);
    // Counting again what is current changes nothing.
    expect(await recountAll(driver, database(), 3)).toBe(0);
  }, 120_000);

  it('a mark of a later rule (a newer newsgraph counted it) is left as it is', async () => {
    await setMark(COUNTS_VERSION + 1);
    await oldCounts();
    const damaged = await graphFingerprint();
    expect(await upgradeSeededCounts(driver, database())).toBeNull();
    expect(await graphFingerprint()).toBe(damaged);
    expect(await marks()).toEqual([`newsgraph_counts_v${COUNTS_VERSION + 1}`]);
    await setMark(null);
    await reseedIfChanged(seeded);
  }, 120_000);

  it('a database just seeded is marked as counted by the current rule, without a recount', async () => {
    await setMark(null);
    await oldCounts();
    const damaged = await graphFingerprint();
    expect(await upgradeSeededCounts(driver, database(), { fresh: true })).toBeNull();
    expect(await marks()).toEqual(CURRENT);
    expect(await graphFingerprint()).toBe(damaged);
    await reseedIfChanged(seeded);
  }, 120_000);
});

describe('a database newsgraph did not seed', () => {
  it('is left as it is: nothing counted, no mark written', async () => {
    await setMark(null);
    await oldCounts();
    // Without newsgraph's full-text index it is not one newsgraph set up.
    await run('DROP INDEX entity_names');
    try {
      const before = await graphFingerprint();
      expect(await seedIfEmpty(driver, database())).toBeNull();
      expect(await upgradeSeededCounts(driver, database())).toBeNull();
      expect(await upgradeSeededCounts(driver, database(), { fresh: true })).toBeNull();
      expect(await graphFingerprint()).toBe(before);
      expect(await marks()).toEqual([]);
      const indexes = await run('SHOW INDEXES YIELD name RETURN collect(name) AS n');
      expect(indexes[0]!.get('n')).not.toContain('entity_names');
    } finally {
      await applySchema(driver, database(), SCHEMA_CYPHER);
      await reseedIfChanged(seeded);
    }
  }, 180_000);
});
