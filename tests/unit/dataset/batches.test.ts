import { describe, expect, it } from 'vitest';
import { generateSeedData } from '../../../bench/generate';
import { batchCypher, grouped, MAX_OPEN_BATCHES, seedBatches, type Batch } from '../../../src/dataset/batches';
import { SeedRows } from '../../../src/dataset/rows';

// The batched loader's batches: one shape each, so every statement is literal Cypher that fits
// every row of its batch; nothing lost or repeated; memory bounded whatever the number of groups.

const g = generateSeedData({ relationships: 6_000, seed: 3 });
const SIZE = 500;
const batches = [...seedBatches(new SeedRows(g.data), SIZE)];
const rels = batches.filter((b) => b.kind === 'relationships');

describe('seedBatches', () => {
  it('sends every row exactly once, nodes before relationships, MENTIONS last', () => {
    const nodes = batches.filter((b) => b.kind === 'nodes').flatMap((b) => b.rows.map((r) => r.props.id));
    expect(nodes.length).toBe(g.data.articles.length + g.data.entities.length + g.data.claims.length);
    expect(new Set(nodes).size).toBe(nodes.length);
    const firstRel = batches.findIndex((b) => b.kind === 'relationships');
    expect(batches.slice(firstRel).every((b) => b.kind === 'relationships')).toBe(true);
    const keys = rels.flatMap((b) => b.rows.map((r) => `${r.type}|${r.from}|${r.to}`));
    expect(new Set(keys).size).toBe(keys.length);
    expect(rels.reduce((s, b) => s + b.rows.length, 0)).toBe(
      g.data.relationships.length + g.data.mentions.length + countClaimLinks(),
    );
    const firstMention = rels.findIndex((b) => b.type === 'MENTIONS');
    expect(rels.slice(firstMention).every((b) => b.type === 'MENTIONS')).toBe(true);
  });

  it('gives each batch one shape that all its rows have, and at most SIZE rows', () => {
    expect(rels.length).toBeGreaterThan(5);
    for (const b of batches) {
      expect(b.rows.length).toBeGreaterThan(0);
      expect(b.rows.length).toBeLessThanOrEqual(SIZE);
      if (b.kind === 'nodes') for (const r of b.rows) expect(r.labels).toEqual(b.labels);
      else for (const r of b.rows) expect([r.type, r.fromLabel, r.toLabel]).toEqual([b.type, b.from, b.to]);
    }
  });

  it('writes literal labels and types, no dynamic ones', () => {
    const types = new Set(rels.map((b) => b.type));
    expect(types.size).toBeGreaterThan(3);
    for (const b of batches) {
      const q = batchCypher(b, 'create');
      expect(q).not.toContain('$(');
      if (b.kind === 'nodes') expect(q).toContain(`CREATE (n:${b.labels.join(':')})`);
      else {
        expect(q).toContain(`[r:${b.type}]`);
        expect(q).toContain(`MATCH (a:${b.from} {id: row.from}) MATCH (b:${b.to} {id: row.to})`);
      }
    }
  });

  it('quotes a name that is not a plain identifier', () => {
    const b: Batch = { kind: 'relationships', from: 'Entity', to: 'Odd Label', type: 'A`B', rows: [] };
    expect(batchCypher(b, 'create')).toContain('MATCH (b:`Odd Label` {id: row.to}) CREATE (a)-[r:`A``B`]->(b)');
  });
});

describe('grouped', () => {
  it('never holds more than MAX_OPEN_BATCHES × size items across all keys', () => {
    // Many keys, none of which fills a batch: only the bound makes anything leave before the end.
    const size = 10;
    const items = Array.from({ length: 2_000 }, (_, i) => ({ key: `k${i % 97}`, i }));
    let consumed = 0;
    let emitted = 0;
    const source = function* () {
      for (const x of items) {
        consumed++;
        expect(consumed - emitted).toBeLessThanOrEqual(MAX_OPEN_BATCHES * size + 1);
        yield x;
      }
    };
    const out: (typeof items)[] = [];
    for (const chunk of grouped(source(), (x) => x.key, size)) {
      emitted += chunk.length;
      out.push(chunk);
    }
    expect(
      out
        .flat()
        .map((x) => x.i)
        .sort((a, b) => a - b),
    ).toEqual(items.map((x) => x.i));
    for (const c of out) {
      expect(c.length).toBeLessThanOrEqual(size);
      expect(new Set(c.map((x) => x.key)).size).toBe(1);
      // Arrival order within a key.
      expect(c.map((x) => x.i)).toEqual([...c.map((x) => x.i)].sort((a, b) => a - b));
    }
  });
});

/** Claims' links as SeedRows writes them: MADE, REPORTS, distinct ABOUTs, each contradiction pair once. */
function countClaimLinks(): number {
  const pairs = new Set<string>();
  let n = 0;
  for (const c of g.data.claims) {
    n += 2 + new Set(c.about).size;
    for (const o of c.contradicts) pairs.add([c.id, o].sort().join('|'));
  }
  return n + pairs.size;
}
