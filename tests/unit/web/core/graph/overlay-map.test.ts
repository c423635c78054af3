import { describe, expect, it } from 'vitest';
import { OverlayMap } from '../../../../../src/web/core/graph/overlay-map';

/** A small deterministic PRNG (the same cases on every run). */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function same<K, V>(m: ReadonlyMap<K, V>, model: ReadonlyMap<K, V>): void {
  expect(m.size).toBe(model.size);
  expect([...m]).toEqual([...model]);
  expect([...m.entries()]).toEqual([...model.entries()]);
  expect([...m.keys()]).toEqual([...model.keys()]);
  expect([...m.values()]).toEqual([...model.values()]);
  const each: Array<[K, V]> = [];
  m.forEach((v, k) => each.push([k, v]));
  expect(each).toEqual([...model]);
  for (const [k, v] of model) {
    expect(m.has(k)).toBe(true);
    expect(m.get(k)).toBe(v);
  }
}

describe('overlay map (versions sharing their data)', () => {
  it('behaves as a copied Map for every version, old ones included (branches, rewrites, compaction)', () => {
    const rand = rng(7);
    // Each version beside the Map it must equal; writes go to random versions (undo, then a new action).
    const versions: Array<{ m: ReadonlyMap<number, string>; model: Map<number, string> }> = [
      { m: new Map([[0, 'a']]), model: new Map([[0, 'a']]) },
    ];
    let incremental = 400;
    for (let step = 0; step < 400; step++) {
      const from = rand() < 0.8 ? versions[versions.length - 1]! : versions[Math.floor(rand() * versions.length)]!;
      const n = 1 + Math.floor(rand() * (rand() < 0.05 ? 300 : 12));
      const entries: Array<[number, string]> = [];
      for (let i = 0; i < n; i++) entries.push([Math.floor(rand() * 2000), `v${step}.${i}`]);
      const model = new Map(from.model);
      for (const [k, v] of entries) model.set(k, v);
      const m = OverlayMap.with(from.m, entries);
      versions.push({ m, model });
      // What was written, when known, is exactly this step's keys (each once, first-written order).
      const written = OverlayMap.writtenSince(m, from.m);
      if (written) expect(written).toEqual([...new Set(entries.map(([k]) => k))]);
      else incremental--;
    }
    for (const { m, model } of versions) same(m, model);
    // Known for each step (appended in place, on a copied prefix, or compacting).
    expect(incremental).toBeGreaterThan(390);
    expect(versions.at(-1)!.m.has(-1)).toBe(false);
    expect(versions.at(-1)!.m.get(-1)).toBeUndefined();
  });

  it('says what was written since an older version it was made from, in first-written order', () => {
    const base = new Map([
      ['a', 1],
      ['b', 2],
    ]);
    const v1 = OverlayMap.with(base, [
      ['c', 3],
      ['a', 4],
    ]);
    const v2 = OverlayMap.with(v1, [
      ['d', 5],
      ['c', 6],
      ['d', 7],
    ]);
    expect(OverlayMap.writtenSince(v1, base)).toEqual(['c', 'a']);
    expect(OverlayMap.writtenSince(v2, v1)).toEqual(['d', 'c']);
    expect(OverlayMap.writtenSince(v2, base)).toEqual(['c', 'a', 'd']);
    expect(OverlayMap.writtenSince(v2, v2)).toEqual([]);
    // Not made from it: the older one, a sibling branch, an unrelated map.
    expect(OverlayMap.writtenSince(v1, v2)).toBeNull();
    const sibling = OverlayMap.with(v1, [['e', 8]]);
    expect(OverlayMap.writtenSince(sibling, v2)).toBeNull();
    expect(OverlayMap.writtenSince(sibling, v1)).toEqual(['e']);
    expect(OverlayMap.writtenSince(v2, new Map(base))).toBeNull();
    expect(OverlayMap.writtenSince(base, v1)).toBeNull();
    same(v2, new Map([...base, ['c', 6], ['a', 4], ['d', 7]]));
  });

  it('compacts a long log into a new base, and still says what the compacting step wrote', () => {
    const base = new Map(Array.from({ length: 1000 }, (_, i) => [i, i] as [number, number]));
    let m: ReadonlyMap<number, number> = base;
    let before: ReadonlyMap<number, number> = base;
    let compacted = false;
    for (let i = 0; i < 40 && !compacted; i++) {
      const step = Array.from({ length: 10 }, (_, j) => [1000 + i * 10 + j, 0] as [number, number]);
      const next = OverlayMap.with(m, [...step, [3, 30]]);
      expect(OverlayMap.writtenSince(next, m)).toEqual([...step.map(([k]) => k), 3]);
      // Over the original base until compacted: then only the step before is known.
      compacted = OverlayMap.writtenSince(next, base) === null;
      if (compacted) expect(OverlayMap.writtenSince(next, before)).toBeNull();
      before = m;
      m = next;
    }
    expect(compacted).toBe(true);
    expect(m.size).toBeGreaterThan(1200);
    expect(m.size).toBeLessThanOrEqual(1400);
    expect([m.get(999), m.get(3)]).toEqual([999, 30]);
  });
});
