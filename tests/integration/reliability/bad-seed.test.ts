import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATASET, seedDatabase, SeedValidationError, validateSeed, type SeedIssue } from '../../../src/dataset/index';
import { testDriver, testNeo4j } from '../../support/neo4j';
import { ensureSeeded, graphFingerprint } from '../../support/seeded';
import { SeedCopies } from './support/seed-copies';
import type { Case } from './support/bad-seed/lookup';
import { REFERENCE_CASES } from './support/bad-seed/reference-cases';
import { SHAPE_CASES } from './support/bad-seed/shape-cases';

/**
 * Broken seed data, one kind per row. Each broken copy of seed/data must be
 * refused with the exact file, record and field, and the database must be left exactly as it was
 * (graphFingerprint before/after). The database is put in a state no successful load could
 * produce (a marker node, one dataset relationship removed), and every attempt runs with
 * reset: true, so any write that slipped through would show in the fingerprint.
 */

const CASES: Case[] = [...SHAPE_CASES, ...REFERENCE_CASES];

let driver: Driver;
const copies = new SeedCopies();
const db = () => ({ database: testNeo4j().database });
let baseline = '';
let reloaded = false;

beforeAll(async () => {
  driver = testDriver();
  await ensureSeeded();
  // A state no load can produce: if any broken copy were written (reset + reload), the marker
  // would survive but the removed relationship would come back, changing the fingerprint.
  await driver.executeQuery("CREATE (:ReliabilityMarker {id: 'bad-seed-marker'})", {}, db());
  await driver.executeQuery(
    'MATCH (:Article {dataset: $d})-[r:MENTIONS]->() WITH r LIMIT 1 DELETE r',
    { d: DATASET },
    db(),
  );
  baseline = await graphFingerprint();
});

afterAll(async () => {
  copies.dispose();
  await driver.executeQuery('MATCH (n:ReliabilityMarker) DETACH DELETE n', {}, db());
  // The last control reloads the real data; reload here only if it did not get that far.
  if (!reloaded) await seedDatabase(driver, testNeo4j().database, { reset: true });
  await ensureSeeded();
  await driver.close();
});

describe('bad seed data (table-driven)', () => {
  it(`has at least 20 kinds of broken data (${CASES.length})`, () => {
    expect(CASES.length).toBeGreaterThanOrEqual(20);
    expect(new Set(CASES.map((c) => c.name)).size).toBe(CASES.length);
  });

  it('control: the untouched round-tripped copy validates (so each failure below is caused by its edit)', () => {
    copies.reserialiseAll = true;
    const dir = copies.make(() => {});
    copies.reserialiseAll = false;
    expect(() => validateSeed({ dataDir: dir })).not.toThrow();
  });

  for (const c of CASES) {
    it(`refuses ${c.name}, naming file/record/field, and writes nothing`, async () => {
      const dir = copies.make((f) => c.edit?.(f), c.raw);
      const err = await seedDatabase(driver, testNeo4j().database, { dataDir: dir, reset: true }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(SeedValidationError);
      const issues = (err as SeedValidationError).issues;
      const first = issues[0]!;
      expect({ file: first.file, record: first.record, field: first.field }).toEqual({
        file: c.expect.file,
        record: c.expect.record,
        field: c.expect.field,
      });
      expect(first.message).toMatch(c.expect.message);
      // The printed message carries the same location, in the form a person fixes by hand.
      const line = `  ${first.file} ${first.record}${first.field ? ` field ${first.field}` : ''}: ${first.message}`;
      expect((err as Error).message).toContain(line);
      expect((err as Error).message).toMatch(/nothing was written/);
      checkOthers(issues.slice(1), first, c.others);
      expect(await graphFingerprint()).toBe(baseline);
    });
  }

  it('control: a valid copy does load and does change this state (so "unchanged" above is meaningful)', async () => {
    const dir = copies.make(() => {});
    await seedDatabase(driver, testNeo4j().database, { dataDir: dir, reset: true });
    reloaded = true;
    expect(await graphFingerprint()).not.toBe(baseline);
  });
});

/** Further issues may only be more about the same field, or references the broken record breaks. */
function checkOthers(issues: SeedIssue[], first: SeedIssue, others: Case['others']): void {
  const rest = issues.filter((i) => !(i.file === first.file && i.record === first.record && i.field === first.field));
  if (others === 'none') {
    expect(rest).toEqual([]);
    return;
  }
  for (const i of rest) {
    expect(i.message).toMatch(/^unknown (id|article|claim) "|^"[a-z0-9-]+" is a /);
    if (others !== 'refs') expect(i.message).toContain(`"${others.refsTo}"`);
  }
}
