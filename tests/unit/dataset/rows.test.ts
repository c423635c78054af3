import { describe, expect, it } from 'vitest';
import { generateSeedData } from '../../../bench/generate';
import { NodeIndex } from '../../../src/dataset/ids';
import type { SeedData } from '../../../src/dataset/read';
import { SeedRows } from '../../../src/dataset/rows';
import type { Claim } from '../../../src/dataset/schema';

// The row builders' id lookups: one compact index over articles, entities and claims (no Map per
// lookup), and contradiction pairs written once each without a set of the pairs seen.

const g = generateSeedData({ relationships: 6_000, seed: 5 });
const { articles, entities, claims } = g.data;

describe('NodeIndex', () => {
  const ids = new NodeIndex(articles, entities, claims);

  it('finds every article, entity and claim under its own kind only', () => {
    for (const a of articles) {
      expect(ids.labelOf(a.id)).toBe('Article');
      expect(ids.article(a.id)).toBe(a);
      expect(ids.entity(a.id)).toBeUndefined();
    }
    for (const e of entities) {
      expect(ids.labelOf(e.data.id)).toBe('Entity');
      expect(ids.entity(e.data.id)).toBe(e);
      expect(ids.article(e.data.id)).toBeUndefined();
      expect(ids.claim(e.data.id)).toBeUndefined();
    }
    claims.forEach((c, i) => {
      expect(ids.labelOf(c.id)).toBe('Claim');
      expect(ids.claim(c.id)).toBe(c);
      expect(ids.claimPosition(c.id)).toBe(i);
    });
  });

  it('answers undefined for an unknown id, and keeps the last of a repeated one', () => {
    for (const id of ['', 'nope', 'article-x', `${articles[0]!.id} `]) {
      expect(ids.labelOf(id)).toBeUndefined();
      expect(ids.article(id)).toBeUndefined();
      expect(ids.claimPosition(id)).toBe(-1);
    }
    const twice = new NodeIndex([articles[0]!, { ...articles[1]!, id: articles[0]!.id }], [], []);
    expect(ids.article(articles[0]!.id)).toBe(articles[0]);
    expect(twice.article(articles[0]!.id)?.outlet).toBe(articles[1]!.outlet);
  });
});

describe('SeedRows.claimLinks', () => {
  const claim = (id: string, contradicts: string[]): Claim =>
    ({ ...claims[0]!, id, contradicts, about: [claims[0]!.about[0]!] }) as Claim;
  const data = (cs: Claim[]): SeedData => ({ ...g.data, claims: cs });
  const pairs = (cs: Claim[]) =>
    [...new SeedRows(data(cs)).claimLinks()].filter((r) => r.type === 'CONTRADICTS').map((r) => `${r.from}>${r.to}`);

  it('writes each contradiction pair once, where it first occurs, whichever side lists it', () => {
    const cs = [
      claim('c0', ['c1', 'c2', 'c1']), // c1 twice in one list
      claim('c1', ['c0', 'c2']), // c0 already wrote c0–c1
      claim('c2', ['c0', 'c1', 'c2']), // both pairs written earlier; a self-pair once
      claim('c3', ['c0']), // c0 does not list c3: a new pair
    ];
    expect(pairs(cs)).toEqual(['c0>c1', 'c0>c2', 'c1>c2', 'c2>c2', 'c3>c0']);
  });

  it('carries both claims’ evidence on a contradiction', () => {
    const cs = [claim('c0', []), { ...claim('c1', ['c0']), evidence: claims[1]!.evidence } as Claim];
    const r = [...new SeedRows(data(cs)).claimLinks()].find((x) => x.type === 'CONTRADICTS')!;
    expect(r.props.evidence_quotes).toEqual([claims[1]!.evidence.quote, claims[0]!.evidence.quote]);
  });
});
