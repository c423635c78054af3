/**
 * A database newsgraph seeded before the corroboration-count rule changed: `npm start`'s path
 * (seedIfEmpty with the app store's marks) counts its claims' and relationships' `outlets` and
 * `unnamed_outlets` again once, in batches, and records the version; a database newsgraph did
 * not seed (without its entity_names index) is left as it is. On the real managed Neo4j.
 */
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countsMarks, seedIfEmpty } from '../../../src/dataset/index';
import { COUNTS_VERSION, databaseId, recountAll, upgradeSeededCounts } from '../../../src/dataset/counts-upgrade';
import { applySchema } from '../../../src/dataset/load';
import { SCHEMA_CYPHER } from '../../../src/runtime/paths';
import { openAppStore, type AppStore } from '../../../src/runtime/store/app-store';
import { testDriver, testNeo4j } from '../../support/neo4j';
import { graphFingerprint, reseedIfChanged, seededFingerprint } from '../../support/seeded';

let driver: Driver;
let store: AppStore;
let seeded: string;
const database = () => testNeo4j().database;

beforeAll(async () => {
  seeded = await seededFingerprint();
  driver = testDriver();
  store = openAppStore(':memory:');
}, 120_000);

afterAll(async () => {
  store?.close();
  await driver?.close();
  await reseedIfChanged(seeded);
}, 120_000);

const run = async (q: string, p: Record<string, unknown> = {}) =>
  (await driver.executeQuery(q, p, { database: database() })).records;

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

describe('corroboration counts of a database seeded by an older rule', () => {
  it('start counts them again once, in batches, and records the version; after that it does nothing', async () => {
    const marks = countsMarks(store);
    const id = await databaseId(driver, database());
    await oldCounts();
    expect(await graphFingerprint()).not.toBe(seeded);
    marks.write(id, COUNTS_VERSION - 1);

    // npm start's path on a database with data: its counts counted again, the version recorded.
    const lines: string[] = [];
    expect(await seedIfEmpty(driver, database(), { counts: marks, log: (l) => lines.push(l) })).toBeNull();
    expect(lines).toEqual([expect.stringContaining('corroboration counts brought up to the current rule: 2 changed')]);
    expect(marks.read(id)).toBe(COUNTS_VERSION);
    // Every count as the seed writes it now (values and their float type alike).
    expect(await graphFingerprint()).toBe(seeded);

    // Once: recorded, a later start counts nothing (a count damaged since stays).
    await oldCounts();
    expect(await upgradeSeededCounts(driver, database(), marks)).toBeNull();
    expect(await graphFingerprint()).not.toBe(seeded);

    // No version recorded (a store that never saw it): counted again, one row per transaction.
    marks.forget(id);
    expect(await upgradeSeededCounts(driver, database(), marks, { batch: 1 })).toBe(2);
    expect(await graphFingerprint()).toBe(seeded);
    expect(marks.read(id)).toBe(COUNTS_VERSION);
    // Counting again what is current changes nothing.
    expect(await recountAll(driver, database(), 3)).toBe(0);
  }, 120_000);

  it('a database just seeded is recorded as counted by the current rule, without a recount', async () => {
    const marks = countsMarks(store);
    const id = await databaseId(driver, database());
    marks.forget(id);
    await oldCounts();
    const damaged = await graphFingerprint();
    expect(await upgradeSeededCounts(driver, database(), marks, { fresh: true })).toBeNull();
    expect(marks.read(id)).toBe(COUNTS_VERSION);
    expect(await graphFingerprint()).toBe(damaged);
    await reseedIfChanged(seeded);
  }, 120_000);
});

describe('a database newsgraph did not seed', () => {
  it('is left as it is: nothing counted, nothing recorded', async () => {
    const marks = countsMarks(store);
    const id = await databaseId(driver, database());
    marks.forget(id);
    await oldCounts();
    // Without newsgraph's full-text index it is not one newsgraph set up.
    await run('DROP INDEX entity_names');
    try {
      const before = await graphFingerprint();
      expect(await seedIfEmpty(driver, database(), { counts: marks })).toBeNull();
      expect(await upgradeSeededCounts(driver, database(), marks)).toBeNull();
      expect(await graphFingerprint()).toBe(before);
      expect(marks.read(id)).toBeNull();
      const indexes = await run('SHOW INDEXES YIELD name RETURN collect(name) AS n');
      expect(indexes[0]!.get('n')).not.toContain('entity_names');
    } finally {
      await applySchema(driver, database(), SCHEMA_CYPHER);
      await reseedIfChanged(seeded);
    }
  }, 180_000);
});
