import { describe, expect, it } from 'vitest';
import type { SearchHit } from '../../../src/shared/api/search';
import { arrange, kindOf } from '../../../src/server/resources/search/query';
import { node } from '../../support/fixtures';

const hit = (key: string, kind: SearchHit['kind'], exact = false): SearchHit => ({
  kind,
  node: node(key, kind === 'claim' ? ['Claim'] : ['Person', 'Entity']),
  score: 1,
  exact,
  claimant: null,
});
const keys = (hits: SearchHit[]) => hits.map((h) => h.node.key);

describe('the search page: nodes, then claims', () => {
  it('a claim is a hit with the Claim label', () => {
    expect(kindOf(['Claim'])).toBe('claim');
    expect(kindOf(['Person', 'Entity'])).toBe('node');
  });

  it('puts nodes before claims, exact matches before both', () => {
    const page = arrange([hit('c1', 'claim'), hit('n1', 'node'), hit('c2', 'claim', true), hit('n2', 'node')], 10);
    expect(keys(page)).toEqual(['c2', 'n1', 'n2', 'c1']);
  });

  it('keeps a third of the places for claims when nodes would fill the page, and none it cannot spare', () => {
    const nodes = Array.from({ length: 12 }, (_, i) => hit(`n${i}`, 'node'));
    const claims = Array.from({ length: 12 }, (_, i) => hit(`c${i}`, 'claim'));
    const page = arrange([...claims, ...nodes], 12);
    expect(keys(page)).toEqual([...keys(nodes.slice(0, 8)), ...keys(claims.slice(0, 4))]);
    // Few nodes: claims fill the rest; few claims: nodes do.
    expect(keys(arrange([...claims, ...nodes.slice(0, 2)], 12))).toEqual(['n0', 'n1', ...keys(claims.slice(0, 10))]);
    expect(keys(arrange([claims[0]!, ...nodes], 12))).toEqual([...keys(nodes.slice(0, 11)), 'c0']);
    // A single place goes to the name.
    expect(keys(arrange([claims[0]!, nodes[0]!], 1))).toEqual(['n0']);
  });
});
