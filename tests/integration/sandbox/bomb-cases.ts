// The second battery's hostile queries (bombs.test.ts runs them): evasions of the lexical and plan
// checks, then resource bombs — rows, memory, CPU inside one expression, response size.

export type Outcome = 'refused' | 'stopped';
export interface Bomb {
  name: string;
  query: string;
  params?: Record<string, unknown>;
  expect: Outcome[];
  timeoutMs?: number;
  maxRows?: number;
}

const BIG = 'x'.repeat(100_000);
const LIST_20K = Array.from({ length: 20_000 }, (_, i) => i);

export const BOMBS: Bomb[] = [
  // --- writes in disguise ------------------------------------------------------------------------
  { name: 'CREATE inside a CALL subquery', query: 'CALL () { CREATE (n:Pwned) } RETURN 1 AS x', expect: ['refused'] },
  {
    name: 'MERGE a relationship',
    query: 'MATCH (a:Person), (b:Place) WITH a, b LIMIT 1 MERGE (a)-[:PWNED]->(b)',
    expect: ['refused'],
  },
  { name: 'SET += map', query: 'MATCH (n:Person) SET n += {pwned: true}', expect: ['refused'] },
  { name: 'lower-case create', query: 'create (:Pwned)', expect: ['refused'] },
  { name: 'mixed-case DeTaCh DeLeTe', query: 'MATCH (n) WITH n LIMIT 1 DeTaCh DeLeTe n', expect: ['refused'] },
  {
    name: 'keywords split by comments',
    query: 'MATCH (n) /* a */ DETACH /* b */ DELETE /* c */ n',
    expect: ['refused'],
  },
  {
    name: 'FOREACH nested CREATE',
    query: 'FOREACH (i IN [1, 2] | FOREACH (j IN [i] | CREATE (:Pwned {j: j})))',
    expect: ['refused'],
  },
  {
    name: 'OPTIONAL MATCH then CREATE',
    query: 'OPTIONAL MATCH (n:Nothing) CREATE (:Pwned) RETURN n',
    expect: ['refused'],
  },
  {
    name: 'write in a UNION ALL branch',
    query: 'RETURN 1 AS x UNION ALL MATCH (n) DETACH DELETE n RETURN 2 AS x',
    expect: ['refused'],
  },
  { name: 'REMOVE a label', query: 'MATCH (n:Entity) REMOVE n:Entity', expect: ['refused'] },
  // --- files and network -------------------------------------------------------------------------
  { name: 'LOAD CSV file:/ (one slash)', query: "LOAD CSV FROM 'file:/etc/passwd' AS l RETURN l", expect: ['refused'] },
  {
    name: 'LOAD CSV file://localhost/',
    query: "LOAD CSV FROM 'file://localhost/etc/passwd' AS l RETURN l",
    expect: ['refused'],
  },
  {
    name: 'LOAD CSV URL built by concatenation',
    query: "LOAD CSV FROM 'fi' + 'le:///etc/passwd' AS l RETURN l",
    expect: ['refused'],
  },
  {
    name: 'LOAD CSV URL from a parameter',
    query: 'LOAD CSV FROM $url AS l RETURN l',
    params: { url: 'file:///etc/passwd' },
    expect: ['refused'],
  },
  {
    name: 'LOAD CSV from an external https URL',
    query: "LOAD CSV FROM 'https://example.com/x.csv' AS l RETURN l",
    expect: ['refused'],
  },
  {
    name: 'LOAD CSV jar: URL',
    query: "LOAD CSV FROM 'jar:file:///tmp/x.jar!/a.csv' AS l RETURN l",
    expect: ['refused'],
  },
  {
    name: 'lower-case load csv in a subquery',
    query: "CALL () { load csv from 'file:///etc/hosts' as l return l } RETURN l",
    expect: ['refused'],
  },
  // --- procedures outside the allowlist ----------------------------------------------------------
  {
    name: 'dbms.setConfigValue',
    query: "CALL dbms.setConfigValue('db.transaction.timeout', '0')",
    expect: ['refused'],
  },
  { name: 'dbms.killQueries', query: "CALL dbms.killQueries(['query-1'])", expect: ['refused'] },
  { name: 'db.checkpoint', query: 'CALL db.checkpoint()', expect: ['refused'] },
  { name: 'dbms.queryJmx', query: "CALL dbms.queryJmx('*:*') YIELD name RETURN name", expect: ['refused'] },
  { name: 'dbms.showCurrentUser', query: 'CALL dbms.showCurrentUser()', expect: ['refused'] },
  {
    name: 'dbms.routing.getRoutingTable',
    query: "CALL dbms.routing.getRoutingTable({}, 'neo4j')",
    expect: ['refused'],
  },
  { name: 'db.awaitIndexes', query: 'CALL db.awaitIndexes(300)', expect: ['refused'] },
  {
    name: 'procedure name in backticks',
    query: 'CALL `dbms`.`components`() YIELD name RETURN name',
    expect: ['refused'],
  },
  { name: 'procedure name in upper case', query: 'CALL DBMS.COMPONENTS()', expect: ['refused'] },
  {
    name: 'allowlisted call chained with a forbidden one',
    query: 'CALL db.labels() YIELD label CALL dbms.components() YIELD name RETURN label, name',
    expect: ['refused'],
  },
  {
    name: 'forbidden call inside a subquery',
    query: 'CALL () { CALL dbms.listConfig() YIELD name RETURN name } RETURN name',
    expect: ['refused'],
  },
  // --- administration and other databases ---------------------------------------------------------
  { name: 'SHOW CURRENT USER', query: 'SHOW CURRENT USER', expect: ['refused'] },
  { name: 'SHOW PRIVILEGES', query: 'SHOW PRIVILEGES', expect: ['refused'] },
  { name: 'SHOW SETTINGS', query: 'SHOW SETTINGS', expect: ['refused'] },
  { name: 'SHOW INDEXES', query: 'SHOW INDEXES', expect: ['refused'] },
  {
    name: 'ALTER CURRENT USER SET PASSWORD',
    query: "ALTER CURRENT USER SET PASSWORD FROM 'a' TO 'bbbbbbbbb'",
    expect: ['refused'],
  },
  { name: 'GRANT to PUBLIC', query: 'GRANT ALL ON DATABASE * TO PUBLIC', expect: ['refused'] },
  { name: 'CREATE DATABASE', query: 'CREATE DATABASE pwned', expect: ['refused'] },
  { name: 'STOP DATABASE', query: 'STOP DATABASE neo4j', expect: ['refused'] },
  { name: 'lower-case use system', query: 'use system show users', expect: ['refused'] },
  { name: 'USE with a backticked name', query: 'USE `system` SHOW DATABASES', expect: ['refused'] },
  { name: 'USE after UNION', query: 'RETURN 1 AS x UNION USE system RETURN 2 AS x', expect: ['refused'] },
  { name: 'statement after a newline and ;', query: 'RETURN 1;\nCREATE (:Pwned)', expect: ['refused'] },
  { name: 'lower-case explain', query: 'explain MATCH (n) RETURN n', expect: ['refused'] },
  {
    name: 'IN CONCURRENT TRANSACTIONS',
    query: 'UNWIND range(1, 10) AS i CALL (i) { RETURN i AS j } IN CONCURRENT TRANSACTIONS RETURN j',
    expect: ['refused'],
  },
  // --- row bombs: Neo4j checks the timeout between rows -----------------------------------------
  {
    name: 'three-way cartesian, enumerated',
    query: 'MATCH (a), (b), (c) WHERE a.id < b.id AND b.id < c.id RETURN count(*)',
    expect: ['stopped'],
    timeoutMs: 1_000,
  },
  {
    name: 'four-way cartesian with a filter that never matches',
    query: "MATCH (a), (b), (c), (d) WHERE a.id + b.id + c.id + d.id = 'x' RETURN 1",
    expect: ['stopped'],
    timeoutMs: 1_000,
  },
  {
    name: 'two UNWIND range(1, 1e9)',
    query: 'UNWIND range(1, 1000000000) AS a UNWIND range(1, 1000000000) AS b RETURN count(*)',
    expect: ['stopped'],
    timeoutMs: 1_000,
  },
  {
    name: 'top-k over 1e9 rows',
    query: 'UNWIND range(1, 1000000000) AS x RETURN x ORDER BY x DESC LIMIT 5',
    expect: ['stopped'],
    timeoutMs: 1_000,
  },
  {
    name: 'DISTINCT over 1e12 rows (row cap)',
    query: 'UNWIND range(1, 1000000000000) AS x RETURN DISTINCT x',
    expect: ['stopped'],
    maxRows: 100,
  },
  {
    name: 'unbounded variable-length path count',
    query: 'MATCH p = (a)-[*]-(b) RETURN count(p)',
    expect: ['stopped'],
    timeoutMs: 1_000,
  },
  {
    name: 'variable-length 1..50 returning paths',
    query: 'MATCH p = (a)-[*1..50]->(b) RETURN p',
    expect: ['stopped'],
    timeoutMs: 2_000,
  },
  {
    name: 'quantified path pattern, unbounded',
    query: 'MATCH p = (a) (()--())+ (b) RETURN count(p)',
    expect: ['stopped'],
    timeoutMs: 1_000,
  },
  {
    name: 'allShortestPaths between every pair, once per node',
    query: 'MATCH (a), (b), (c) WHERE a <> b MATCH p = allShortestPaths((a)-[*]-(b)) RETURN count(p)',
    expect: ['stopped'],
    timeoutMs: 1_000,
  },
  {
    name: 'pattern comprehension inside a big comprehension',
    query: 'RETURN size([x IN range(1, 100000) | size([(a)--(b) | b])]) AS n',
    expect: ['stopped', 'refused'],
    timeoutMs: 1_000,
  },
  // --- memory bombs: tracked (collect) or untracked (single expressions) ---------------------------
  {
    name: 'huge collect (tracked by the transaction memory limit)',
    query: 'UNWIND range(1, 100000000) AS x WITH collect(x) AS l RETURN size(l)',
    expect: ['stopped'],
    timeoutMs: 5_000,
  },
  {
    name: 'collect of a cartesian product',
    query: 'MATCH (a), (b), (c) WITH collect(a.id + b.id + c.id) AS l RETURN size(l)',
    expect: ['stopped'],
    timeoutMs: 3_000,
  },
  {
    name: 'list comprehension over a range with a computed bound (300M)',
    query: 'WITH 300000000 AS n RETURN size([x IN range(1, n) | x]) AS s',
    expect: ['refused', 'stopped'],
    timeoutMs: 2_000,
  },
  {
    name: "range bound hidden in toInteger('…')",
    query: "RETURN size([x IN range(1, toInteger('300000000')) | x]) AS s",
    expect: ['refused', 'stopped'],
    timeoutMs: 2_000,
  },
  {
    name: 'range bound from a map parameter',
    query: 'RETURN size([x IN range(1, $p.n) | x]) AS s',
    params: { p: { n: 300_000_000 } },
    expect: ['refused', 'stopped'],
    timeoutMs: 2_000,
  },
  {
    name: 'reduce doubling a string with replace()',
    query: "RETURN size(reduce(s = 'x', i IN range(1, 40) | replace(s, 'x', 'xx'))) AS n",
    expect: ['refused', 'stopped'],
    timeoutMs: 2_000,
  },
  {
    name: 'reduce doubling a list via a computed range',
    query: 'RETURN size(reduce(l = [1], i IN range(1, 40) | [x IN range(0, 2 * size(l)) | 1])) AS n',
    expect: ['refused', 'stopped'],
    timeoutMs: 2_000,
  },
  {
    name: 'reduce appending a 100 KB parameter 100,000 times',
    query: "RETURN size(reduce(s = '', i IN range(1, 100000) | s + $t)) AS n",
    params: { t: BIG },
    expect: ['refused', 'stopped'],
    timeoutMs: 2_000,
  },
  {
    name: 'comprehension building 20,000 copies of a 100 KB string',
    query: 'RETURN size([x IN range(1, 20000) | $t + toString(x)]) AS n',
    params: { t: BIG },
    expect: ['refused', 'stopped'],
    timeoutMs: 2_000,
  },
  {
    name: 'replace() multiplying two 100 KB parameters',
    query: "RETURN size(replace($s, 'x', $t)) AS n",
    params: { s: BIG, t: BIG },
    expect: ['refused', 'stopped'],
    timeoutMs: 2_000,
  },
  // --- CPU bombs inside one expression (Neo4j ignores timeout and TERMINATE there) -----------------
  {
    name: 'any() over a range with a computed bound (2e9)',
    query: 'WITH 2000000000 AS n RETURN any(x IN range(1, n) WHERE x < 0) AS a',
    expect: ['refused', 'stopped'],
    timeoutMs: 1_000,
  },
  {
    name: 'nested comprehension over the same 30k list',
    query: 'WITH range(1, 30000) AS l RETURN size([x IN l WHERE size([y IN l WHERE y > x]) > 0]) AS n',
    expect: ['refused', 'stopped'],
    timeoutMs: 1_000,
  },
  {
    name: 'reduce with an inner scan of a collected list',
    query:
      'UNWIND range(1, 30000) AS i WITH collect(i) AS l RETURN reduce(a = 0, x IN l | a + size([y IN l WHERE y < x])) AS n',
    expect: ['refused', 'stopped'],
    timeoutMs: 1_000,
  },
  {
    name: 'cross product of a 20k list parameter with itself',
    query: 'RETURN size([a IN $l | size([b IN $l WHERE b > a])]) AS n',
    params: { l: LIST_20K },
    expect: ['refused', 'stopped'],
    timeoutMs: 1_000,
  },
  {
    name: 'all() nested in any() over literal ranges',
    query: 'RETURN any(x IN range(1, 60000) WHERE all(y IN range(1, 60000) WHERE y <> -x)) AS n',
    expect: ['refused', 'stopped'],
    timeoutMs: 1_000,
  },
  // java.util.regex backtracking: (.*a){12}x against 33 a's takes tens of seconds, inside one expression.
  {
    name: 'catastrophic regex backtracking (ReDoS)',
    query: "RETURN $s =~ '(.*a){12}x' AS m",
    params: { s: `${'a'.repeat(33)}b` },
    expect: ['refused', 'stopped'],
    timeoutMs: 1_000,
  },
  {
    name: 'ReDoS pattern passed as a parameter',
    query: 'MATCH (n:Person) WHERE n.name =~ $re RETURN count(n)',
    params: { re: '(.*a){12}x' },
    expect: ['refused', 'stopped'],
    timeoutMs: 1_000,
  },
  // --- response size -----------------------------------------------------------------------------
  {
    name: 'a 100 KB parameter echoed on every row',
    query: 'UNWIND range(1, 1000000) AS x RETURN x, $t AS big',
    params: { t: BIG },
    expect: ['stopped'],
    timeoutMs: 5_000,
  },
  {
    name: '50,000-element list on every node row',
    query: 'MATCH (n) RETURN n, range(1, 50000) AS big',
    expect: ['stopped'],
    timeoutMs: 5_000,
  },
];
