import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../src/server/http/errors';
import { coerceParam, parseSavedQuery, splitHeader } from '../../../src/server/resources/queries/file';

const file = (header: string, body = 'RETURN 1 AS x') =>
  `${header
    .split('\n')
    .map((l) => `// ${l}`)
    .join('\n')}\n${body}\n`;

describe('saved query files', () => {
  it('splits the // header from the query', () => {
    const { header, body } = splitHeader(
      '\n// title: T\n//   indented: yes\nMATCH (n)\n// a comment in the body\nRETURN n;\n',
    );
    expect(header).toBe('title: T\n  indented: yes');
    expect(body).toBe('MATCH (n)\n// a comment in the body\nRETURN n;');
  });

  it('parses title, description, group and typed params with defaults', () => {
    const q = parseSavedQuery(
      'events.cypher',
      file(
        'title: Events\ndescription: Events between dates.\ngroup: Time\nparams:\n  - {name: from, type: date, default: 2022-01-01}\n  - {name: n, type: integer, default: 10, min: 1, max: 100}\n  - {name: who, type: entity, labels: [Person]}',
        'MATCH (e:Event) WHERE e.date >= $from AND e.who = $who RETURN e LIMIT $n;',
      ),
    );
    expect(q.meta).toMatchObject({ name: 'events', title: 'Events', group: 'Time' });
    expect(q.cypher).toBe('MATCH (e:Event) WHERE e.date >= $from AND e.who = $who RETURN e LIMIT $n');
    expect(q.meta.params).toEqual([
      { name: 'from', type: 'date', label: 'from', description: null, default: '2022-01-01', required: false },
      { name: 'n', type: 'integer', label: 'n', description: null, default: 10, required: false, min: 1, max: 100 },
      { name: 'who', type: 'entity', label: 'who', description: null, required: true, entityLabels: ['Person'] },
    ]);
  });

  it.each([
    ['x.cypher', 'RETURN 1', /missing the `\/\/` header/],
    ['x.cypher', file('title: [unclosed'), /not valid YAML/],
    ['x.cypher', file('title: Title'), /description/],
    ['x.cypher', file('title: Title\ndescription: D is here\nextra: 1'), /extra/],
    ['x.cypher', file('title: Title\ndescription: D is here', 'RETURN $p'), /\$p without declaring/],
    ['x.cypher', file('title: Title\ndescription: D is here\nparams:\n  - {name: p, type: string}'), /declares p but/],
    [
      'x.cypher',
      file('title: Title\ndescription: D is here\nparams:\n  - {name: p, type: colour}', 'RETURN $p'),
      /params\.0\.type/,
    ],
    [
      'x.cypher',
      file('title: Title\ndescription: D is here\nparams:\n  - {name: p, type: integer, default: abc}', 'RETURN $p'),
      /default of p/,
    ],
    ['x.cypher', file('title: Title\ndescription: D is here', 'RETURN 1; RETURN 2'), /more than one statement/],
    ['x.cypher', file('title: Title\ndescription: D is here', ''), /no query/],
    ['Bad.cypher', file('title: Title\ndescription: D is here'), /kebab-case/],
  ])('%s rejects %j', (name, text, msg) => expect(() => parseSavedQuery(name, text)).toThrow(msg));
});

describe('parameter values', () => {
  const p = (type: string, extra: object = {}) => ({ name: 'p', type, ...extra }) as Parameters<typeof coerceParam>[0];
  const fails = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      expect(e).toBeInstanceOf(ApiError);
      return (e as ApiError).message;
    }
    return null;
  };

  it('converts to driver types', () => {
    expect(neo4j.isInt(coerceParam(p('integer'), 3))).toBe(true);
    expect(neo4j.isInt(coerceParam(p('integer'), '42'))).toBe(true);
    expect(coerceParam(p('float'), '1.5')).toBe(1.5);
    expect(coerceParam(p('boolean'), 'true')).toBe(true);
    expect(String(coerceParam(p('date'), '2024-02-29'))).toBe('2024-02-29');
    expect(coerceParam(p('entity'), 'belgorod')).toBe('belgorod');
    expect(coerceParam(p('string'), null)).toBeNull();
  });

  it('rejects bad values naming the parameter', () => {
    expect(fails(() => coerceParam(p('integer'), 1.5))).toMatch(/^p: must be an integer/);
    expect(fails(() => coerceParam(p('integer', { max: 5 }), 6))).toMatch(/at most 5/);
    expect(fails(() => coerceParam(p('float'), 'abc'))).toMatch(/must be a number/);
    expect(fails(() => coerceParam(p('date'), '2023-02-29'))).toMatch(/not a calendar date/);
    expect(fails(() => coerceParam(p('date'), 20230101))).toMatch(/date like/);
    expect(fails(() => coerceParam(p('boolean'), 1))).toMatch(/true or false/);
    expect(fails(() => coerceParam(p('string', { options: ['a', 'b'] }), 'c'))).toMatch(/one of "a", "b"/);
    expect(fails(() => coerceParam(p('string'), ''))).toMatch(/non-empty/);
  });
});
