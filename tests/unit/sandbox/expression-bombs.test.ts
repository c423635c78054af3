import { describe, expect, it } from 'vitest';
import { scanCypher } from '../../../src/server/sandbox/cypher-text';
import { catastrophicRegex, expressionBomb } from '../../../src/server/sandbox/expression-bombs';

/**
 * The sandbox's guard against work Neo4j cannot interrupt (one expression is evaluated without
 * checking the timeout or TERMINATE): the cases found by tests/integration/sandbox/bombs.test.ts,
 * and the everyday queries the guard must keep allowing.
 */
const bomb = (q: string, p: Record<string, unknown> = {}) => expressionBomb(scanCypher(q).skeleton, p, q);
const BIG = 'x'.repeat(100_000);

describe('expressionBomb: computed range bounds, cross products, string growth, regex backtracking', () => {
  it.each([
    ['a range bound from a variable', 'WITH 2000000000 AS n RETURN any(x IN range(1, n) WHERE x < 0)', {}],
    ['a range bound from a function', "RETURN size([x IN range(1, toInteger('300000000')) | x])", {}],
    ['a range bound from a map parameter', 'RETURN [x IN range(1, $p.n) | x]', { p: { n: 3e8 } }],
    ['a doubling range bound', 'RETURN reduce(l = [1], i IN range(1, 40) | [x IN range(0, 2 * size(l)) | 1])', {}],
    ['two size() terms', 'RETURN reduce(l = [1], i IN range(1, 40) | [x IN range(0, size(l) + size(l)) | 1])', {}],
    [
      'a nested scan of the same list',
      'WITH range(1, 30000) AS l RETURN size([x IN l WHERE size([y IN l WHERE y > x]) > 0])',
      {},
    ],
    [
      'reduce with an inner scan',
      'UNWIND range(1, 30000) AS i WITH collect(i) AS l RETURN reduce(a = 0, x IN l | a + size([y IN l WHERE y < x]))',
      {},
    ],
    [
      'a big list parameter crossed with itself',
      'RETURN [a IN $l | size([b IN $l WHERE b > a])]',
      { l: Array.from({ length: 20_000 }, (_, i) => i) },
    ],
    [
      'a quantifier nested in a quantifier over collected lists',
      'MATCH (n) WITH collect(n.id) AS ids RETURN any(a IN ids WHERE all(b IN ids WHERE a <> b + "x"))',
      {},
    ],
    ['reduce repeating a 100 KB parameter', "RETURN size(reduce(s = '', i IN range(1, 100000) | s + $t))", { t: BIG }],
    [
      'a comprehension repeating a 100 KB parameter',
      'RETURN size([x IN range(1, 20000) | $t + toString(x)])',
      { t: BIG },
    ],
    ['a comprehension repeating a long literal', `RETURN size([x IN range(1, 10000) | '${'y'.repeat(10_000)}'])`, {}],
    ['replace() on the accumulator of reduce', "RETURN reduce(s = 'x', i IN range(1, 40) | replace(s, 'x', 'xx'))", {}],
    ['a backtracking regex literal', "RETURN $s =~ '(.*a){12}x'", { s: 'aaaa' }],
    ['a backtracking regex parameter', 'MATCH (n) WHERE n.name =~ $re RETURN n', { re: '(a+)+b' }],
  ])('refuses %s', (_name, q, p) => expect(bomb(q, p as Record<string, unknown>)).not.toBeNull());

  it.each([
    'MATCH p = (a)-->(b) RETURN [i IN range(0, size(nodes(p)) - 1) | nodes(p)[i].name]',
    "RETURN reduce(s = '', x IN ['a', 'b'] | s + x + ', ')",
    "MATCH (n) WITH collect(n.name) AS names RETURN reduce(s = '', x IN names | s + x + ', ')",
    'MATCH (n) RETURN [k IN keys(n) | [l IN labels(n) | l + k]]',
    'MATCH (n) WITH collect(n) AS ns RETURN [x IN ns | [y IN labels(x) | y]]',
    'WITH [[1, 2], [3]] AS ls RETURN [l IN ls | [x IN l | x * 2]]',
    "MATCH (n) WHERE n.name =~ '(?i).*glad.*' RETURN n",
    "MATCH (n) WHERE n.name =~ '(?i)(kharkiv|belgorod)' RETURN n",
    'UNWIND range(1, $n) AS x RETURN count(x)',
    'RETURN [x IN range(1, 100) | toString(x) + "-suffix"]',
    "MATCH (n) RETURN n.name + ' (' + n.id + ')' AS label",
  ])('allows %s', (q) => expect(bomb(q, { n: 1e9 })).toBeNull());
});

describe('catastrophicRegex', () => {
  it.each(['(a+)+b', '(a*)*', '(x+x+)+y', '(a|aa)+b', '(.*a){12}x', '(\\w+\\s?)+$'])('flags %s', (p) =>
    expect(catastrophicRegex(p)).toBe(true),
  );
  it.each(['(?i).*gladkov.*', '^[A-Z][a-z]+$', '(ab)+', '\\(a+\\)+', '(?i)(kharkiv|belgorod)', 'a{2,5}b'])(
    'passes %s',
    (p) => expect(catastrophicRegex(p)).toBe(false),
  );
});
