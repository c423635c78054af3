import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSeedData } from '../../../bench/generate';
import { countStore, LOAD_LABEL, loadBatched, seedBatches, type Batch } from '../../../src/dataset/batched';
import { applySchema } from '../../../src/dataset/load';
import { SeedRows } from '../../../src/dataset/rows';
import { SCHEMA_CYPHER } from '../../../src/runtime/paths';
import { OwnNeo4j } from '../../support/own-neo4j';

// The batched loader with concurrent writers, on a Neo4j of this file's own (a create load needs a
// database without our labels): small batches so many of them, relationships between hubs
// included, run at once. The result must be exactly what one writer loads, and a failing batch
// must leave nothing behind while the other writer's batches are still running.

const own = new OwnNeo4j();
let driver: Driver;
const DB = 'neo4j';
const g = generateSeedData({ relationships: 4_000, seed: 5 });

beforeAll(async () => {
  await own.start();
  driver = neo4j.driver(own.uri, neo4j.auth.basic('neo4j', own.password));
  await applySchema(driver, DB, SCHEMA_CYPHER);
});

afterAll(async () => {
  await driver?.close();
  await own.dispose();
});

const wipe = () => driver.executeQuery('MATCH (n) DETACH DELETE n', {}, { database: DB });
const total = (r: Record<string, number>) => Object.values(r).reduce((a, b) => a + b, 0);

describe('loadBatched with two writers', () => {
  it('loads exactly what was sent, with batches running at once', async () => {
    let batches = 0;
    let retries = 0;
    const spans: Array<[number, number]> = [];
    const written = await loadBatched(driver, DB, seedBatches(new SeedRows(g.data), 150), {
      mode: 'create',
      writers: 2,
      onBatch: (b) => {
        batches++;
        retries += b.attempts - 1;
        const end = performance.now();
        spans.push([end - b.ms, end]);
      },
    });
    expect(batches).toBeGreaterThan(20);
    const overlapping = spans.filter(([s0, e0], i) => spans.some(([s1, e1], j) => i !== j && s1 < e0 && s0 < e1));
    expect(overlapping.length).toBeGreaterThan(batches / 2);
    expect(total(written.relationships)).toBeGreaterThanOrEqual(4_000);
    const store = await countStore(driver, DB);
    expect(store.relationships).toEqual(written.relationships);
    for (const [label, n] of Object.entries(written.nodes)) expect(store.nodes[label]).toBe(n);
    expect(store.nodes[LOAD_LABEL] ?? 0).toBe(0);
    console.log(`two writers: ${batches} batches, ${retries} deadlock retries`);
    await wipe();
  });

  it('removes everything when one batch fails while the other writer is writing', async () => {
    const real = [...seedBatches(new SeedRows(g.data), 150)];
    const firstRel = real.findIndex((b) => b.kind === 'relationships');
    const bad: Batch = {
      kind: 'relationships',
      from: 'Entity',
      to: 'Entity',
      type: 'NEAR',
      rows: [{ type: 'NEAR', fromLabel: 'Entity', toLabel: 'Entity', from: 'no-such-id', to: 'nor-this', props: {} }],
    };
    // The bad batch among the relationship batches, with more after it.
    const batches = [...real.slice(0, firstRel + 3), bad, ...real.slice(firstRel + 3)];
    await expect(loadBatched(driver, DB, batches, { mode: 'create', writers: 2 })).rejects.toThrow(
      /a batch created 0 relationships, expected 1/,
    );
    const left = await driver.executeQuery('MATCH (n) RETURN count(n) AS n', {}, { database: DB });
    expect(Number(left.records[0]!.get('n'))).toBe(0);
  });
});
