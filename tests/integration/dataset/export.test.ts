/**
 * Dataset round trip: the seeded graph exported as seed YAML (`npm run dataset:export`) loads
 * back into exactly the same graph (fingerprint over every node, relationship and property),
 * and the export passes the seed validator on its own. With an ingested article accepted into
 * it, the export carries that article's normalised text too, and seeding the export with its
 * texts verifies every quote (the ingested ones included) and gives the same graph again.
 */
import { appendFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readSeed, seedDatabase, validateSeed } from '../../../src/dataset/index';
import { writeDatasetExport } from '../../../src/dataset/export';
import { DEFAULT_ARTICLES_DIR, SEED_DATA_DIR } from '../../../src/runtime/paths';
import { reviewApi } from '../ingest/support/review-api';
import { testDriver, testNeo4j } from '../../support/neo4j';
import { ensureSeeded, graphFingerprint } from '../../support/seeded';

const dir = mkdtempSync(join(tmpdir(), 'dataset-export-'));
// Each round trip reseeds the whole graph (twice with an ingest): slow on a busy machine.
const ROUND_TRIP = 240_000;
const driver = testDriver();
afterAll(async () => {
  // Whatever happened, the next file finds the seeded graph.
  await seedDatabase(driver, testNeo4j().database, { reset: true });
  await driver.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('dataset export', () => {
  it(
    'seed → export → seed gives an identical graph',
    async () => {
      await ensureSeeded();
      const before = await graphFingerprint();
      const { counts } = await writeDatasetExport(driver, testNeo4j().database, {
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
    },
    ROUND_TRIP,
  );

  it(
    'an ingested article goes out with its text: seed --articles verifies its quotes and rebuilds the graph',
    async () => {
      await ensureSeeded();
      const r = await reviewApi();
      const out = join(dir, 'with-ingest');
      try {
        const wire = readFileSync(join(__dirname, '../../fixtures/ingest/wire-report.html'));
        const s = await r.stage('wire-report.html', wire);
        expect(s.status, JSON.stringify(s.body)).toBe(200);
        const id = s.body.batch.id as string;
        const bulk = await r.call('POST', `/api/ingest/batches/${id}/accept`, { minConfidence: 0.9 });
        expect(bulk.status, JSON.stringify(bulk.body)).toBe(200);
        // A new person, a relationship, an event and the claims about it: every shape an accept writes.
        for (const c of ['e4', 'r1', 'e12', 'v1', 'c1', 'c2']) {
          const a = await r.accept(id, c);
          expect(a.status, `${c}: ${JSON.stringify(a.body)}`).toBe(200);
        }
        const view = await r.batch(id);
        const before = await graphFingerprint();

        // Texts only from the folders given: the seed's five and the ingest folder.
        const res = await writeDatasetExport(driver, testNeo4j().database, {
          dataset: 'belgorod',
          outDir: out,
          vocabularyDir: SEED_DATA_DIR,
          textDirs: [DEFAULT_ARTICLES_DIR, r.textDir],
        });
        const original = readSeed(SEED_DATA_DIR);
        expect(res.missing).toEqual([]);
        expect(res.copied.sort()).toEqual([...original.articles.map((a) => a.file), view.article.file].sort());
        expect(readFileSync(join(out, 'articles', view.article.file), 'utf8')).toBe(
          readFileSync(join(r.textDir, view.article.file), 'utf8'),
        );
        const exported = readSeed(out);
        const ingested = exported.articles.find((a) => a.id === view.articleId)!;
        expect(ingested).toMatchObject({ file: view.article.file, sha256: view.article.sha256 });

        // Every quote checked against the exported texts, more than the seed alone has.
        const plain = validateSeed({ dataDir: SEED_DATA_DIR, articlesDir: DEFAULT_ARTICLES_DIR });
        const v = validateSeed({ dataDir: out, articlesDir: join(out, 'articles') });
        expect(v.articlesChecked).toBe(true);
        expect(v.quotesChecked).toBeGreaterThan(plain.quotesChecked);

        await seedDatabase(driver, testNeo4j().database, {
          reset: true,
          dataDir: out,
          articlesDir: join(out, 'articles'),
        });
        expect(await graphFingerprint()).toBe(before);

        // The check can fail: a changed text is refused.
        appendFileSync(join(out, 'articles', view.article.file), ' ');
        expect(() => validateSeed({ dataDir: out, articlesDir: join(out, 'articles') })).toThrow(/sha256/);
      } finally {
        await r.close();
      }
    },
    ROUND_TRIP,
  );

  it('reports an article whose text is nowhere to be found, and still writes the YAML', async () => {
    await ensureSeeded();
    const out = join(dir, 'no-texts');
    const res = await writeDatasetExport(driver, testNeo4j().database, {
      dataset: 'belgorod',
      outDir: out,
      vocabularyDir: SEED_DATA_DIR,
      textDirs: [join(dir, 'empty')],
    });
    expect(res.copied).toEqual([]);
    expect(res.missing).toHaveLength(readSeed(SEED_DATA_DIR).articles.length);
    expect(res.missing[0]).toMatch(/not found intact/);
    expect(readdirSync(out)).toContain('articles.yaml');
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
