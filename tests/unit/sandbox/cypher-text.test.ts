import { describe, expect, it } from 'vitest';
import {
  findCalls,
  hasSeveralStatements,
  literalValue,
  scanCypher,
  stripTrailingSemicolons,
} from '../../../src/server/sandbox/cypher-text';
import { expressionBomb } from '../../../src/server/sandbox/expression-bombs';

describe('scanCypher', () => {
  it('blanks comments, strings and quoted names, keeping offsets', () => {
    const q = 'MATCH (n:`We;ird`) // c;omment\nWHERE n.x = \'a;b\' /* ; */ RETURN "x\\";y" AS s';
    const { skeleton } = scanCypher(q);
    expect(skeleton.length).toBe(q.length);
    expect(skeleton).not.toContain(';');
    expect(skeleton).toContain('MATCH (n:`');
    expect(skeleton).toContain('RETURN "');
  });

  it('collects parameter names, quoted ones too, not those in strings or comments', () => {
    expect(
      scanCypher('MATCH (n {id: $id}) WHERE n.x > $`odd name` AND n.y = $0 RETURN "$notme" // $nor').params.sort(),
    ).toEqual(['0', 'id', 'odd name']);
  });

  it('handles unterminated literals without throwing', () => {
    expect(() => scanCypher("RETURN 'abc")).not.toThrow();
    expect(() => scanCypher('RETURN /* abc')).not.toThrow();
    expect(() => scanCypher('RETURN `abc')).not.toThrow();
  });
});

describe('statements', () => {
  it('spots a second statement, ignoring trailing semicolons', () => {
    const sk = (q: string) => scanCypher(q).skeleton;
    expect(hasSeveralStatements(sk('RETURN 1;'))).toBe(false);
    expect(hasSeveralStatements(sk('RETURN 1 ;  ;\n'))).toBe(false);
    expect(hasSeveralStatements(sk('RETURN 1; RETURN 2'))).toBe(true);
    expect(hasSeveralStatements(sk("RETURN ';' AS x"))).toBe(false);
    expect(hasSeveralStatements(sk('RETURN 1 /* ; */ ; CREATE (n)'))).toBe(true);
    expect(stripTrailingSemicolons('RETURN 1 ; ;\n ')).toBe('RETURN 1');
  });
});

describe('expression bombs', () => {
  it('finds calls and their top-level arguments', () => {
    const calls = findCalls('RETURN range(1, size([1,2]), 2), x.range(1)', 'range');
    expect(calls.length).toBe(1);
    expect(calls[0]!.args).toEqual(['1', 'size([1,2])', '2']);
  });

  it('evaluates literal arithmetic only', () => {
    expect(literalValue('1e9')).toBe(1e9);
    expect(literalValue('100000 * 100000')).toBe(1e10);
    expect(literalValue('10^9')).toBe(1e9);
    expect(literalValue('-(2 + 3) * 4')).toBe(-20);
    expect(literalValue('$n', { n: 5 })).toBe(5);
    expect(literalValue('$n', { n: 'x' })).toBeNull();
    expect(literalValue('size(l)')).toBeNull();
    expect(literalValue('toInteger(1e9)')).toBeNull();
  });

  const bomb = (q: string, p?: Record<string, unknown>) => expressionBomb(scanCypher(q).skeleton, p);

  it.each([
    'RETURN [x IN range(1, 50000000) | x] AS big',
    "RETURN reduce(s = '', x IN range(1, 5000000) | s + 'xxxxxxxxxx') AS s",
    'RETURN any(x IN range(1, 3000000000) WHERE x < 0)',
    'RETURN size([x IN range(1, 100000 * 100000) | x])',
    'RETURN [x IN range(0, $n) | x]',
    'RETURN [a IN range(1, 2000) | [b IN range(1, 2000) | a * b]]',
    "RETURN reduce(s = 'x', i IN range(1, 40) | s + s) AS s",
    'RETURN reduce(l = [1], i IN range(1, 40) | l + l) AS l',
    "RETURN replace(replace(replace(replace('x', 'x', 'xx'), 'x', 'xx'), 'x', 'xx'), 'x', 'xx')",
  ])('refuses %s', (q) => expect(bomb(q, { n: 1e8 })).not.toBeNull());

  it.each([
    'UNWIND range(1, 1000000000) AS x RETURN count(x)',
    'MATCH p = (a)-->(b) RETURN [i IN range(0, size(nodes(p)) - 1) | nodes(p)[i].name]',
    'RETURN [x IN range(1, 100) | x * 2]',
    'RETURN reduce(total = 0, x IN [1, 2, 3] | total + x)',
    "RETURN replace(n.name, 'a', 'b')",
    "RETURN 'range(1, 1e12)' AS text",
  ])('allows %s', (q) => expect(bomb(q)).toBeNull());
});
