import { describe, expect, it } from 'vitest';
import type { SearchHit } from '../../../src/shared/api/search';
import { arrange, kindOf, room } from '../../../src/server/resources/search/rank';
import { node } from '../../support/fixtures';

const hit = (key: string, kind: SearchHit['kind'], exact = false): SearchHit => ({
  kind,
  node: node(key, kind === 'claim' ? ['Claim'] : kind === 'article' ? ['Article'] : ['Person', 'Entity']),
  score: 1,
  exact,
  claimant: null,
});
const keys = (hits: SearchHit[]) => hits.map((h) => h.node.key);

describe('the search page: nodes, then articles, then claims', () => {
  it('a claim is a hit with the Claim label, an article one with the Article label', () => {
    expect(kindOf(['Claim'])).toBe('claim');
    expect(kindOf(['Article'])).toBe('article');
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

  it('puts articles after the nodes and before the claims, exact entity matches first', () => {
    const page = arrange(
      [
        hit('c1', 'claim'),
        hit('a1', 'article'),
        hit('n1', 'node'),
        hit('a2', 'article', true),
        hit('n2', 'node', true),
      ],
      10,
    );
    expect(keys(page)).toEqual(['n2', 'a2', 'n1', 'a1', 'c1']);
  });

  it('keeps a fifth of the places for articles beside the third for claims, and none it cannot spare', () => {
    const nodes = Array.from({ length: 20 }, (_, i) => hit(`n${i}`, 'node'));
    const articles = Array.from({ length: 20 }, (_, i) => hit(`a${i}`, 'article'));
    const claims = Array.from({ length: 20 }, (_, i) => hit(`c${i}`, 'claim'));
    // 12 places: 2 articles, 4 claims, 6 nodes.
    expect(keys(arrange([...claims, ...articles, ...nodes], 12))).toEqual([
      ...keys(nodes.slice(0, 6)),
      ...keys(articles.slice(0, 2)),
      ...keys(claims.slice(0, 4)),
    ]);
    // No claims: the articles' share stays a fifth; few nodes: articles take what they leave, claims keep their third.
    expect(keys(arrange([...articles, ...nodes], 10))).toEqual([...keys(nodes.slice(0, 8)), 'a0', 'a1']);
    expect(keys(arrange([...claims, ...articles, nodes[0]!], 6))).toEqual(['n0', 'a0', 'a1', 'a2', 'c0', 'c1']);
    // Few articles: nodes and claims share what they leave.
    expect(keys(arrange([articles[0]!, ...claims, ...nodes], 10))).toEqual([
      ...keys(nodes.slice(0, 6)),
      'a0',
      ...keys(claims.slice(0, 3)),
    ]);
    // A single place still goes to the name.
    expect(keys(arrange([claims[0]!, articles[0]!, nodes[0]!], 1))).toEqual(['n0']);
  });

  it('asks each index for no more than the page keeps: the same page as asking every index for a full page', () => {
    let seed = 7;
    const rand = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
    for (let round = 0; round < 500; round++) {
      const limit = 1 + rand(25);
      const make = (kind: SearchHit['kind'], n: number) =>
        Array.from({ length: n }, (_, i) => hit(`${kind}${i}`, kind, rand(6) === 0));
      const all = { node: make('node', rand(30)), article: make('article', rand(30)), claim: make('claim', rand(30)) };
      const full = arrange([...all.node, ...all.article, ...all.claim], limit);
      // As the search asks them: nodes' index, then articles', then claims', each cut to its room.
      const found = new Map<string, SearchHit['kind']>();
      const asked: SearchHit[] = [];
      for (const kind of ['node', 'article', 'claim'] as const) {
        const got = all[kind].slice(0, room(kind, found, limit));
        for (const h of got) found.set(h.node.id, kind);
        asked.push(...got);
      }
      expect(keys(arrange(asked, limit)), `round ${round}`).toEqual(keys(full));
    }
    // 12 places and every kind plentiful: articles are asked for 2, claims for 4 once 12 nodes are found.
    const nodes = new Map(Array.from({ length: 12 }, (_, i) => [`n${i}`, 'node' as const]));
    expect(room('article', nodes, 12)).toBe(2);
    expect(room('claim', new Map([...nodes, ['a0', 'article'], ['a1', 'article']]), 12)).toBe(4);
    expect(room('node', new Map(), 12)).toBe(12);
  });
});
