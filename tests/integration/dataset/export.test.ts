/**
 * Dataset round trip: the seeded graph exported as seed YAML (`npm run dataset:export`) loads
 * back into exactly the same graph (fingerprint over every node, relationship and property),
 * and the export passes the seed validator on its own.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readSeed, seedDatabase } from '../../../src/dataset/index';
import { writeDatasetExport } from '../../../src/dataset/export';
import { SEED_DATA_DIR } from '../../../src/runtime/paths';
import { testDriver, testNeo4j } from '../../support/neo4j';
import { ensureSeeded, graphFingerprint } from '../../support/seeded';

const dir = mkdtempSync(join(tmpdir(), 'dataset-export-'));
const driver = testDriver();
afterAll(async () => {
  // Whatever happened, the next file finds the seeded graph.
  await seedDatabase(driver, testNeo4j().database, { reset: true });
  await driver.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('dataset export', () => {
  it('seed → export → seed gives an identical graph', async () => {
    await ensureSeeded();
    const before = await graphFingerprint();
    const counts = await writeDatasetExport(driver, testNeo4j().database, {
      dataset: 'belgorod',
      outDir: dir,
      vocabularyDir: SEED_DATA_DIR,
    });
    expect(readdirSync(dir).sort()).toEqual(
      readdirSync(SEED_DATA_DIR)
        .filter((f) => f.endsWith('.yaml'))
        .sort(),
    );
    const original = readSeed(SEED_DATA_DIR);
    const exported = readSeed(dir); // validates: throws on any problem
    expect(counts['articles.yaml']).toBe(original.articles.length);
    expect(exported.entities.length).toBe(original.entities.length);
    expect(exported.claims.length).toBe(original.claims.length);
    expect(exported.mentions.length).toBe(original.mentions.length);

    // Something else in the graph first, so the reload must really replace it.
    await driver.executeQuery(
      "MATCH (p:Person {id: 'vyacheslav-gladkov'}) SET p.name = 'changed'",
      {},
      {
        database: testNeo4j().database,
      },
    );
    expect(await graphFingerprint()).not.toBe(before);
    await seedDatabase(driver, testNeo4j().database, { reset: true, dataDir: dir });
    expect(await graphFingerprint()).toBe(before);
  });

  it('refuses a dataset the graph does not hold, writing nothing', async () => {
    const out = join(dir, 'none');
    await expect(
      writeDatasetExport(driver, testNeo4j().database, {
        dataset: 'no-such',
        outDir: out,
        vocabularyDir: SEED_DATA_DIR,
      }),
    ).rejects.toThrow(/no articles/);
    expect(() => readdirSync(out)).toThrow();
  });
});
