import fc from 'fast-check';

/** Strings that have broken search boxes, id lookups and query builders before. */
export const NASTY_STRINGS: readonly string[] = [
  '',
  ' ',
  '\t\n\r',
  'null',
  'undefined',
  'NaN',
  'Infinity',
  '-1',
  '0',
  '1e309',
  '-0',
  '0x1F',
  '9007199254740993',
  '99999999999999999999999999',
  '1.5',
  'true',
  '[]',
  '{}',
  '{"a":1}',
  // Lucene syntax
  'Gladk*',
  '*',
  '?',
  '*:*',
  'name:Gladkov',
  'Gladkov~',
  'Gladkov~2',
  'Gladkov^10',
  '"unclosed phrase',
  '(((',
  ')))',
  '[a TO z]',
  '{a TO z}',
  'a AND OR NOT b',
  '&& || !',
  '\\',
  '\\\\',
  '/regex.*/',
  '+-&&||!(){}[]^"~*?:\\/',
  'AND',
  'NOT',
  // Cypher injection attempts
  "' OR 1=1 //",
  '"}) MATCH (n) DETACH DELETE n //',
  "x'}) DETACH DELETE n WITH 1 AS x MATCH (y {id:'",
  '`) DETACH DELETE n //',
  '$param',
  '${x}',
  '{{7*7}}',
  // ids and paths
  '4:00000000-0000-0000-0000-000000000000:0',
  '4:ffffffff-ffff-ffff-ffff-ffffffffffff:99999999999',
  '5:00000000-0000-0000-0000-000000000000:-1',
  '../../../../etc/passwd',
  '..%2F..%2Fetc%2Fpasswd',
  '%00',
  '%',
  '%zz',
  '/',
  '?',
  '#',
  '&',
  '=',
  // unicode
  '\u0000',
  'a\u0000b',
  '\uffff',
  '\ud800',
  '\udfff\ud800',
  '\u202egnp.exe',
  '\u200b\u200c\u200d',
  '👩‍👩‍👧‍👦',
  'Зеленский',
  'Гладков',
  'الرئيس',
  '中华人民共和国',
  'Z̴̡̧̛̖͔̣a̵̛̪̰͎l̸g̷o̶',
  'ǅ',
  'ﬁ',
  'ß',
  '\u{1F600}'.repeat(100),
  // real names
  'Gladkov',
  'Zelenskyy',
  'vyacheslav-gladkov',
  'Belgorod',
];

/** Random and hand-picked hostile strings, including huge ones (up to 300 KB). */
export function hostileString(extra: readonly string[] = []): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...NASTY_STRINGS, ...extra) },
    { weight: 3, arbitrary: fc.string({ maxLength: 40 }) },
    { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
    { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom(...'+-&|!(){}[]^"~*?:\\/\'`$;.,'), maxLength: 30 }) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom('x', 'é', '👩‍👩‍👧', 'Gladkov ', '('), fc.integer({ min: 200, max: 300_000 }))
        .map(([s, n]) => s.repeat(Math.ceil(n / s.length))),
    },
    { weight: 1, arbitrary: fc.uuid().chain((u) => fc.integer({ min: -5, max: 1e12 }).map((i) => `4:${u}:${i}`)) },
  );
}

/** JSON nested `depth` levels deep, as raw text (arrays or objects). */
export const deepJson = fc
  .tuple(fc.integer({ min: 50, max: 100_000 }), fc.boolean())
  .map(([depth, arrays]) =>
    arrays ? `${'['.repeat(depth)}${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`,
  );

/** Keys that have polluted prototypes and confused validators. */
export const hostileKey = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', '', ' ', '$', 'a.b', 'id', 'query'),
  fc.string({ maxLength: 12 }),
);

/** Any JSON value, with hostile strings and keys mixed in. */
export const hostileJson: fc.Arbitrary<unknown> = fc.letrec<{ v: unknown }>((tie) => ({
  v: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant(null),
    fc.boolean(),
    fc.integer(),
    fc.double(),
    fc.constantFrom(Number.MAX_SAFE_INTEGER + 2, -0, 1e308, 2 ** 63, 5e-324),
    hostileString(),
    fc.array(tie('v'), { maxLength: 5 }),
    fc.dictionary(hostileKey, tie('v'), { maxKeys: 5 }),
  ),
})).v;

/** Cypher-ish text built from fragments (most of it invalid, some of it hostile, some valid). */
export const cypherish = fc
  .array(
    fc.constantFrom(
      'MATCH (n)',
      'MATCH (n:Person)',
      'MATCH (a)-[r]->(b)',
      'OPTIONAL MATCH (n)--(m)',
      'WHERE n.name CONTAINS "Glad"',
      'WITH n',
      'RETURN n',
      'RETURN count(*)',
      'RETURN 1',
      'LIMIT 5',
      'SKIP 2',
      'ORDER BY n.id',
      'UNWIND [1,2,3] AS x',
      'UNWIND range(1, 10) AS x',
      'CREATE (x:Evil)',
      'MERGE (x:Evil {id: 1})',
      'SET n.hacked = true',
      'DETACH DELETE n',
      'REMOVE n:Person',
      'LOAD CSV FROM "file:///etc/passwd" AS l',
      'CALL db.labels()',
      'CALL dbms.components()',
      'CALL { MATCH (m) RETURN m }',
      'USE system',
      'SHOW USERS',
      'DROP DATABASE neo4j',
      'CREATE INDEX x FOR (n:X) ON (n.y)',
      ';',
      '//',
      '/*',
      '*/',
      "'",
      '"',
      '`',
      '$p',
      '{',
      '}',
      '(',
      ')',
    ),
    { minLength: 1, maxLength: 8 },
  )
  .map((parts) => parts.join(' '));
