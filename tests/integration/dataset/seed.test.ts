import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DATASET,
  readSeed,
  seedDatabase,
  SeedValidationError,
  verifyAgainstArticles,
} from '../../../src/dataset/index';
import { DEFAULT_ARTICLES_DIR, SEED_DATA_DIR } from '../../../src/runtime/paths';
import { testDriver, testNeo4j } from '../../support/neo4j';
import { ensureSeeded, graphFingerprint } from '../../support/seeded';

/**
 * The Belgorod graph on the real Neo4j: counts that may only grow, the facts the issue names,
 * provenance everywhere, idempotency, and all-or-nothing on bad data.
 */

// Floors: the data may grow, never shrink. Raise them when the data grows.
const MIN_NODES: Record<string, number> = {
  Article: 5,
  Person: 23,
  Organization: 35,
  Place: 44,
  Event: 49,
  Weapon: 17,
  Claim: 72,
  Entity: 168,
};
const MIN_RELATIONSHIPS = 665;

let driver: Driver;
const db = () => ({ database: testNeo4j().database });
async function rows<T = Record<string, unknown>>(q: string, params: Record<string, unknown> = {}): Promise<T[]> {
  const r = await driver.executeQuery(q, params, db());
  return r.records.map((rec) => rec.toObject() as T);
}
const num = (v: unknown) => Number(v);

beforeAll(async () => {
  driver = testDriver();
  await ensureSeeded();
});
afterAll(async () => {
  await ensureSeeded();
  await driver.close();
});

describe('counts', () => {
  it('has at least the curated number of nodes per label and relationships', async () => {
    const r = await seedDatabase(driver, testNeo4j().database, { log: (l) => console.log(l) });
    console.log('seed counts', JSON.stringify(r.counts));
    for (const [label, min] of Object.entries(MIN_NODES))
      expect(r.counts.nodes[label] ?? 0, label).toBeGreaterThanOrEqual(min);
    const rels = Object.values(r.counts.relationships).reduce((a, b) => a + b, 0);
    expect(rels).toBeGreaterThanOrEqual(MIN_RELATIONSHIPS);
    // What the loader reports is what the database holds.
    const [dbNodes] = await rows<{ c: unknown }>('MATCH (n:Entity {dataset: $d}) RETURN count(n) AS c', { d: DATASET });
    expect(num(dbNodes!.c)).toBe(r.counts.nodes.Entity);
  });
});

describe('facts from the articles', () => {
  it('Gladkov governs the Belgorod region', async () => {
    const r = await rows(
      "MATCH (p:Person {id: 'vyacheslav-gladkov'})-[:GOVERNOR_OF]->(r:Place {id: 'belgorod-region'}) RETURN r.name AS name",
    );
    expect(r).toHaveLength(1);
  });

  it("Peskov is the Kremlin's spokesperson", async () => {
    const r = await rows(
      "MATCH (:Person {id: 'dmitry-peskov'})-[:SPOKESPERSON_FOR]->(k:Organization) RETURN k.name AS name",
    );
    expect(r.map((x) => x.name)).toContain('Kremlin');
  });

  it("Zelensky is Ukraine's president", async () => {
    const r = await rows(
      "MATCH (z:Person {id: 'volodymyr-zelensky'})-[rel:LEADS|HOLDS_OFFICE]->(u {id: 'ukraine'}) RETURN rel, z.aliases AS aliases",
    );
    expect(r.length).toBeGreaterThanOrEqual(1);
    const props = (r[0]!.rel as { properties: Record<string, unknown> }).properties;
    expect(String(props.title ?? props.office ?? '')).toMatch(/president/i);
    expect(r[0]!.aliases).toEqual(expect.arrayContaining(['Zelensky', 'Zelenskyy']));
  });

  it('the Su-34 accidental release happened in Belgorod on 2023-04-20', async () => {
    const r = await rows(
      `MATCH (e:Event {id: 'su-34-belgorod-accidental-release-2023-04-20'})-[:OCCURRED_IN]->(p:Place {id: 'belgorod'})
       MATCH (e)-[:USED_WEAPON|INVOLVED]->(w:Weapon {id: 'su-34'})
       RETURN toString(e.date) AS date`,
    );
    expect(r.map((x) => x.date)).toEqual(['2023-04-20']);
  });

  it('the 2023-12-30 Belgorod attack and the Kharkiv strike are separate events linked in time', async () => {
    const r = await rows(
      `MATCH (k:Event {id: 'kharkiv-strike-2023-12-30'})-[f:FOLLOWED]->(b:Event {id: 'belgorod-attack-2023-12-30'})
       MATCH (b)-[:OCCURRED_IN]->(:Place {id: 'belgorod'}) MATCH (k)-[:OCCURRED_IN]->(:Place {id: 'kharkiv'})
       RETURN toString(b.date) AS bd, toString(k.date) AS kd, f.quote AS quote`,
    );
    expect(r).toHaveLength(1);
    expect(r[0]!.bd).toBe('2023-12-30');
    expect(r[0]!.kd).toBe('2023-12-30');
    expect(String(r[0]!.quote).length).toBeGreaterThan(10);
  });

  it('the October 2022 Gubkin street hit has contradicting claims by different claimants', async () => {
    const r = await rows(
      `MATCH (e:Event {id: 'gubkin-street-strike-2022-10'})<-[:ABOUT]-(c1:Claim)-[:CONTRADICTS]-(c2:Claim)-[:ABOUT]->(e)
       MATCH (w1)-[:MADE]->(c1), (w2)-[:MADE]->(c2)
       WHERE w1 <> w2
       RETURN DISTINCT c1.id AS a, c2.id AS b, w1.id AS w1, w2.id AS w2, c1.status AS status`,
    );
    expect(r.length).toBeGreaterThanOrEqual(2); // each pair is seen from both ends
    expect(new Set(r.flatMap((x) => [x.w1, x.w2])).size).toBeGreaterThanOrEqual(2);
    expect(r.every((x) => x.status === 'contested')).toBe(true);
  });

  it('the July 2022 Tochka-U accusation is a claim marked unanswered', async () => {
    const r = await rows(
      `MATCH (c:Claim {status: 'unanswered'})-[:ABOUT]->(e:Event {id: 'belgorod-strike-2022-07-03'})
       WHERE toLower(c.statement) CONTAINS 'tochka'
       MATCH (who)-[:MADE]->(c)
       RETURN c.id AS id, who.id AS claimant`,
    );
    expect(r.length).toBeGreaterThanOrEqual(1);
  });

  it('spelling variants are one node', async () => {
    const r = await rows(
      "MATCH (p:Person) WHERE 'Zelenskyy' IN p.aliases OR 'Zelensky' IN p.aliases RETURN p.id AS id",
    );
    expect(r).toHaveLength(1);
  });
});

describe('provenance', () => {
  it('every relationship and claim carries article, quote and offsets', async () => {
    const bad = await rows(
      `MATCH ()-[r]->() WHERE r.article IS NULL OR r.quote IS NULL OR r.start IS NULL OR r.end IS NULL
       RETURN type(r) AS t, count(*) AS c`,
    );
    expect(bad).toEqual([]);
    const badClaims = await rows(
      'MATCH (c:Claim) WHERE c.article IS NULL OR c.quote IS NULL OR c.start IS NULL RETURN c.id AS id',
    );
    expect(badClaims).toEqual([]);
    const [{ c }] = (await rows('MATCH (:Article)-[m:MENTIONS]->(:Entity) RETURN count(m) AS c')) as [{ c: unknown }];
    expect(num(c)).toBeGreaterThan(100);
  });

  it('every quote in the data verifies against the articles, at most 30 words', () => {
    const data = readSeed(SEED_DATA_DIR);
    const v = verifyAgainstArticles(data, DEFAULT_ARTICLES_DIR);
    expect(v.checked).toBe(true);
    expect(v.issues).toEqual([]);
    expect(v.quotesChecked).toBeGreaterThan(300);
  });

  it('stored quotes match the article text at their offsets', async () => {
    const data = readSeed(SEED_DATA_DIR);
    const texts = new Map(data.articles.map((a) => [a.id, readFileSync(join(DEFAULT_ARTICLES_DIR, a.file), 'utf8')]));
    const stored = await rows<{ article: string; quote: string; start: unknown; end: unknown }>(
      'MATCH ()-[r]->() RETURN r.article AS article, r.quote AS quote, r.start AS start, r.end AS end',
    );
    expect(stored.length).toBeGreaterThan(300);
    for (const s of stored) expect(texts.get(s.article)!.slice(num(s.start), num(s.end))).toBe(s.quote);
  });
});

describe('loader behaviour', () => {
  it('is idempotent: seeding twice leaves identical counts and content', async () => {
    const before = await graphFingerprint();
    await seedDatabase(driver, testNeo4j().database);
    expect(await graphFingerprint()).toBe(before);
  });

  it('--reset removes only this dataset, then reloads it', async () => {
    await driver.executeQuery("CREATE (:Movie {title: 'Not ours'})", {}, db());
    const before = await graphFingerprint();
    // A node of this dataset that the seed files do not hold: only --reset can remove it.
    await driver.executeQuery(
      "CREATE (:Entity:Person {id: 'stray-reset-probe', name: 'Stray', dataset: $d})",
      { d: DATASET },
      db(),
    );
    expect(await graphFingerprint()).not.toBe(before);
    await seedDatabase(driver, testNeo4j().database, { reset: true });
    expect(await graphFingerprint()).toBe(before);
    expect(await rows("MATCH (n {id: 'stray-reset-probe'}) RETURN n")).toHaveLength(0);
    await driver.executeQuery("MATCH (m:Movie {title: 'Not ours'}) DELETE m", {}, db());
  });

  it('says when the quote check was skipped because the articles are absent', async () => {
    const lines: string[] = [];
    const r = await seedDatabase(driver, testNeo4j().database, {
      articlesDir: join(tmpdir(), 'no-articles-here'),
      log: (l) => lines.push(l),
    });
    expect(r.articlesChecked).toBe(false);
    expect(lines.join('\n')).toMatch(/check was SKIPPED/);
  });

  it('reports a quote that is not at its offsets, and writes nothing', async () => {
    const dir = brokenCopy((files) => {
      files['claims.yaml'] = files['claims.yaml']!.replace(
        /start: (\d+)/,
        (_m, n: string) => `start: ${Number(n) + 1}`,
      ).replace(/end: (\d+)/, (_m, n: string) => `end: ${Number(n) + 1}`);
    });
    const before = await graphFingerprint();
    const e = await seedDatabase(driver, testNeo4j().database, { dataDir: dir, reset: true }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(SeedValidationError);
    expect((e as Error).message).toMatch(
      /claims\.yaml #1 \([a-z0-9-]+\) field evidence\.quote: quote ".*" is not at offset/,
    );
    expect(await graphFingerprint()).toBe(before);
  });

  it('reports an unknown id in a relationship by file, record and field, and writes nothing', async () => {
    const dir = brokenCopy((files) => {
      files['relationships.yaml'] = files['relationships.yaml']!.replace(/to: ([a-z0-9-]+)/, 'to: no-such-entity');
    });
    const before = await graphFingerprint();
    const e = await seedDatabase(driver, testNeo4j().database, { dataDir: dir }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(SeedValidationError);
    expect((e as Error).message).toMatch(
      /relationships\.yaml #1 \(\w+ [a-z0-9-]+ → no-such-entity\) field to: unknown id "no-such-entity"/,
    );
    expect(await graphFingerprint()).toBe(before);
  });

  it('rolls back everything when the database rejects a write mid-load', async () => {
    // Valid data, but a uniqueness constraint the loader does not know about fails once claims
    // are written (entities are already in the transaction): the one transaction must leave nothing behind.
    await driver.executeQuery('MATCH (n {dataset: $d}) DETACH DELETE n', { d: DATASET }, db());
    await driver.executeQuery(
      'CREATE CONSTRAINT test_claim_guard IF NOT EXISTS FOR (c:Claim) REQUIRE c.claimant IS UNIQUE',
      {},
      db(),
    );
    try {
      const before = await graphFingerprint();
      const e = await seedDatabase(driver, testNeo4j().database).catch((x: unknown) => x);
      expect((e as { code?: string }).code).toBe('Neo.ClientError.Schema.ConstraintValidationFailed');
      expect(await graphFingerprint()).toBe(before);
      expect(before).toMatch(/^nodes=0 /);
    } finally {
      await driver.executeQuery('DROP CONSTRAINT test_claim_guard IF EXISTS', {}, db());
      await ensureSeeded();
    }
  });
});

const scratch = mkdtempSync(join(tmpdir(), 'newsgraph-seed-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
let copies = 0;

/** A copy of seed/data with `edit` applied to the files' text. */
function brokenCopy(edit: (files: Record<string, string>) => void): string {
  const dir = join(scratch, `copy-${copies++}`);
  cpSync(SEED_DATA_DIR, dir, { recursive: true });
  const names = [
    'articles.yaml',
    'people.yaml',
    'organizations.yaml',
    'places.yaml',
    'events.yaml',
    'weapons.yaml',
    'claims.yaml',
    'relationships.yaml',
    'mentions.yaml',
    'vocabulary.yaml',
  ];
  const files: Record<string, string> = Object.fromEntries(names.map((n) => [n, readFileSync(join(dir, n), 'utf8')]));
  edit(files);
  for (const [n, text] of Object.entries(files)) writeFileSync(join(dir, n), text);
  return dir;
}
