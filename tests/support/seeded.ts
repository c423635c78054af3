import { createHash } from 'node:crypto';
import { DATASET, readSeed, seedDatabase } from '../../src/dataset/index';
import { SEED_DATA_DIR } from '../../src/runtime/paths';
import { testDriver, testNeo4j } from './neo4j';

/**
 * Makes the test database hold exactly the Belgorod graph: re-seeds (with reset) unless the
 * dataset is already complete and nothing else is there. Cost: one count query when seeded,
 * ~2 s otherwise.
 */
export async function ensureSeeded(): Promise<void> {
  const { database } = testNeo4j();
  const driver = testDriver();
  try {
    const d = readSeed(SEED_DATA_DIR);
    const expected = d.articles.length + d.entities.length + d.claims.length;
    const r = await driver.executeQuery(
      'MATCH (n) RETURN count(n) AS all, count(CASE WHEN n.dataset = $dataset THEN 1 END) AS ours',
      { dataset: DATASET },
      { database },
    );
    const all = Number(r.records[0]!.get('all'));
    const ours = Number(r.records[0]!.get('ours'));
    if (all === expected && ours === expected) return;
    if (all !== ours)
      await driver.executeQuery(
        'MATCH (n) WHERE n.dataset IS NULL OR n.dataset <> $dataset DETACH DELETE n',
        { dataset: DATASET },
        { database },
      );
    await seedDatabase(driver, database, { reset: true });
  } finally {
    await driver.close();
  }
}

/**
 * Counts plus a sha256 over every node's labels/id/properties and every relationship's
 * ends/type/properties, in a stable order: "the graph is unchanged" in one string.
 */
export async function graphFingerprint(): Promise<string> {
  const { database } = testNeo4j();
  const driver = testDriver();
  try {
    const nodes = await driver.executeQuery(
      `MATCH (n) WITH n, coalesce(n.id, elementId(n)) AS k ORDER BY k
       RETURN collect([k, labels(n), properties(n)]) AS all`,
      {},
      { database },
    );
    const rels = await driver.executeQuery(
      `MATCH (a)-[r]->(b) WITH r, coalesce(a.id, elementId(a)) + '|' + type(r) + '|' + coalesce(b.id, elementId(b)) AS k ORDER BY k
       RETURN collect([k, properties(r)]) AS all`,
      {},
      { database },
    );
    const n = nodes.records[0]!.get('all') as unknown[];
    const r = rels.records[0]!.get('all') as unknown[];
    const hash = createHash('sha256')
      .update(stableJson([n, r]))
      .digest('hex');
    return `nodes=${n.length} rels=${r.length} sha256=${hash}`;
  } finally {
    await driver.close();
  }
}

/** The seeded graph's fingerprint: what a file whose tests write to the graph compares with after each. */
export async function seededFingerprint(): Promise<string> {
  await ensureSeeded();
  return graphFingerprint();
}

/**
 * Re-seeds (with reset) when the graph is no longer the `seeded` one: what a test wrote (a failed
 * one's accepts, say) must not reach the next test or file. Cost: one fingerprint, ~2 s more to re-seed.
 */
export async function reseedIfChanged(seeded: string): Promise<void> {
  if ((await graphFingerprint()) === seeded) return;
  const driver = testDriver();
  try {
    await seedDatabase(driver, testNeo4j().database, { reset: true });
  } finally {
    await driver.close();
  }
}

/** JSON with object keys sorted, so property order cannot change the checksum. */
function stableJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableJson).join(',')}]`;
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableJson(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(typeof v === 'bigint' ? String(v) : v) ?? 'null';
}

/** Re-seeds the test database from scratch: for files that edit the seeded graph. Cost: ~2 s. */
export async function reseed(): Promise<void> {
  const { database } = testNeo4j();
  const driver = testDriver();
  try {
    await driver.executeQuery('MATCH (n) DETACH DELETE n', {}, { database });
    await seedDatabase(driver, database, { reset: true });
  } finally {
    await driver.close();
  }
}
