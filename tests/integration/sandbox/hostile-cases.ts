// The API battery of hostile ad-hoc Cypher (hostile-queries.test.ts runs it): what each query tries,
// and the outcomes the sandbox may answer with.

export type Outcome = 'rejected' | 'cypher-error' | 'stopped';
export interface Case {
  name: string;
  /** A function gets the port of the test's local web server (the LOAD CSV targets). */
  query: string | ((port: number) => string);
  params?: Record<string, unknown>;
  /** Accepted outcomes; `stopped` = 504, or 200 with truncated, or 507 MEMORY_LIMIT. */
  expect: Outcome[];
  timeoutMs?: number;
  reason?: string;
}

export const HOSTILE_CASES: Case[] = [
  // --- writes -----------------------------------------------------------------------------------
  { name: 'CREATE', query: 'CREATE (n:Pwned {x: 1}) RETURN n', expect: ['rejected'], reason: 'WRITE' },
  { name: 'MERGE', query: 'MERGE (n:Pwned {x: 1}) RETURN n', expect: ['rejected'], reason: 'WRITE' },
  { name: 'DETACH DELETE everything', query: 'MATCH (n) DETACH DELETE n', expect: ['rejected'], reason: 'WRITE' },
  { name: 'DELETE relationships', query: 'MATCH ()-[r]->() DELETE r', expect: ['rejected'], reason: 'WRITE' },
  {
    name: 'SET a property',
    query: "MATCH (p:Person) SET p.name = 'pwned' RETURN p",
    expect: ['rejected'],
    reason: 'WRITE',
  },
  { name: 'SET a label', query: 'MATCH (p:Person) SET p:Pwned', expect: ['rejected'], reason: 'WRITE' },
  { name: 'REMOVE', query: 'MATCH (p:Person) REMOVE p.name RETURN p', expect: ['rejected'], reason: 'WRITE' },
  {
    name: 'FOREACH write',
    query: 'MATCH (n) FOREACH (x IN [1] | SET n.pwned = true)',
    expect: ['rejected'],
    reason: 'WRITE',
  },
  {
    name: 'write after a read procedure',
    query: 'CALL db.labels() YIELD label CREATE (:Pwned {l: label})',
    expect: ['rejected'],
    reason: 'WRITE',
  },
  {
    name: 'write in a UNION branch',
    query: 'MATCH (n:Person) RETURN n.name AS x UNION CREATE (m:Pwned) RETURN m.name AS x',
    expect: ['rejected', 'cypher-error'],
  },
  {
    name: 'write behind a CYPHER prefix',
    query: 'CYPHER runtime=slotted CREATE (n:Pwned) RETURN n',
    expect: ['rejected'],
  },
  { name: 'write after a line comment', query: '// harmless?\nCREATE (:Pwned)', expect: ['rejected'], reason: 'WRITE' },
  // --- files and the network --------------------------------------------------------------------
  {
    name: 'LOAD CSV from a file',
    query: "LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line",
    expect: ['rejected'],
    reason: 'LOAD_CSV',
  },
  {
    name: 'LOAD CSV FILE: upper case',
    query: "LOAD CSV FROM 'FILE:///etc/passwd' AS line RETURN line",
    expect: ['rejected'],
    reason: 'LOAD_CSV',
  },
  {
    name: 'LOAD CSV from loopback http',
    query: (port) => `LOAD CSV FROM 'http://127.0.0.1:${port}/' AS line RETURN line`,
    expect: ['rejected'],
    reason: 'LOAD_CSV',
  },
  {
    name: 'LOAD CSV with headers inside a subquery',
    query: (port) =>
      `CALL () { LOAD CSV WITH HEADERS FROM 'http://127.0.0.1:${port}/x.csv' AS row RETURN row } RETURN row`,
    expect: ['rejected'],
    reason: 'LOAD_CSV',
  },
  // --- procedures outside the allowlist ---------------------------------------------------------
  { name: 'CALL dbms.listConfig', query: 'CALL dbms.listConfig()', expect: ['rejected'] },
  { name: 'CALL dbms.components', query: 'CALL dbms.components() YIELD name RETURN name', expect: ['rejected'] },
  {
    name: 'CALL db.stats.retrieve (read procedure, not allowlisted)',
    query: "CALL db.stats.retrieve('GRAPH COUNTS') YIELD data RETURN data",
    expect: ['rejected'],
    reason: 'PROCEDURE',
  },
  {
    name: 'CALL dbms.security.createUser',
    query: "CALL dbms.security.createUser('evil', 'evil-password', false)",
    expect: ['rejected', 'cypher-error'],
  },
  { name: 'CALL db.createLabel', query: "CALL db.createLabel('Pwned')", expect: ['rejected'] },
  { name: 'CALL db.clearQueryCaches', query: 'CALL db.clearQueryCaches()', expect: ['rejected'] },
  { name: 'CALL tx.setMetaData', query: 'CALL tx.setMetaData({sandbox: "x"})', expect: ['rejected'] },
  {
    name: 'CALL db.index.fulltext.drop (not allowlisted)',
    query: "CALL db.index.fulltext.drop('entity_names')",
    expect: ['rejected', 'cypher-error'],
  },
  // --- administration ---------------------------------------------------------------------------
  { name: 'SHOW USERS', query: 'SHOW USERS', expect: ['rejected'] },
  { name: 'SHOW DATABASES', query: 'SHOW DATABASES', expect: ['rejected'] },
  {
    name: 'SHOW TRANSACTIONS (query type r!)',
    query: 'SHOW TRANSACTIONS',
    expect: ['rejected'],
    reason: 'ADMINISTRATION',
  },
  {
    name: 'TERMINATE TRANSACTIONS',
    query: "TERMINATE TRANSACTIONS 'neo4j-transaction-1'",
    expect: ['rejected'],
    reason: 'ADMINISTRATION',
  },
  { name: 'SHOW PROCEDURES', query: 'SHOW PROCEDURES YIELD name RETURN name', expect: ['rejected'] },
  {
    name: 'CREATE USER',
    query: "CREATE USER evil SET PASSWORD 'evil-password-1'",
    expect: ['rejected', 'cypher-error'],
  },
  { name: 'DROP DATABASE', query: 'DROP DATABASE neo4j', expect: ['rejected', 'cypher-error'] },
  // --- other databases --------------------------------------------------------------------------
  { name: 'USE system', query: 'USE system SHOW USERS', expect: ['rejected'], reason: 'USE' },
  { name: 'USE system MATCH', query: 'USE system MATCH (n) RETURN n', expect: ['rejected'], reason: 'USE' },
  {
    name: 'USE in a subquery',
    query: 'CALL () { USE system RETURN 1 AS x } RETURN x',
    expect: ['rejected', 'cypher-error'],
  },
  {
    name: 'USE after a block comment',
    query: '/* hi */ USE neo4j MATCH (n) RETURN count(n)',
    expect: ['rejected'],
    reason: 'USE',
  },
  // --- several statements in one ----------------------------------------------------------------
  {
    name: 'two statements',
    query: 'MATCH (n) RETURN count(n); MATCH (n) DETACH DELETE n',
    expect: ['rejected'],
    reason: 'MULTIPLE_STATEMENTS',
  },
  {
    name: 'two statements, second hidden after a comment',
    query: 'RETURN 1 /* ; */ ; CREATE (:Pwned)',
    expect: ['rejected'],
    reason: 'MULTIPLE_STATEMENTS',
  },
  {
    name: 'statement after a line comment with ;',
    query: 'RETURN 1 // ;\n; CREATE (:Pwned)',
    expect: ['rejected'],
    reason: 'MULTIPLE_STATEMENTS',
  },
  {
    name: 'string that closes and writes',
    query: "RETURN 'a' + ''; CREATE (:Pwned) //'",
    expect: ['rejected'],
    reason: 'MULTIPLE_STATEMENTS',
  },
  // --- transactions of its own ------------------------------------------------------------------
  {
    name: 'CALL {} IN TRANSACTIONS read',
    query: 'CALL () { MATCH (n) RETURN n } IN TRANSACTIONS RETURN count(n)',
    expect: ['rejected'],
    reason: 'IN_TRANSACTIONS',
  },
  {
    name: 'CALL {} IN TRANSACTIONS delete',
    query: 'MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10 ROWS',
    expect: ['rejected'],
  },
  // --- schema, EXPLAIN/PROFILE, and what the parser makes of odd input --------------------------
  { name: 'schema DDL: CREATE INDEX', query: 'CREATE INDEX pwned FOR (n:Person) ON (n.pwned)', expect: ['rejected'] },
  {
    name: 'schema DDL: CREATE CONSTRAINT',
    query: 'CREATE CONSTRAINT pwned FOR (n:Pwned) REQUIRE n.x IS UNIQUE',
    expect: ['rejected'],
  },
  { name: 'schema DDL: DROP INDEX', query: 'DROP INDEX entity_names', expect: ['rejected'] },
  { name: 'EXPLAIN prefix', query: 'EXPLAIN MATCH (n) RETURN n', expect: ['rejected'], reason: 'EXPLAIN_PROFILE' },
  { name: 'PROFILE a write', query: 'PROFILE CREATE (n:Pwned)', expect: ['rejected'], reason: 'EXPLAIN_PROFILE' },
  { name: 'full-width letters', query: 'ＣＲＥＡＴＥ (n:Pwned)', expect: ['cypher-error'] },
  {
    name: 'procedure that does not exist',
    query: 'CALL apoc.load.json("file:///etc/passwd")',
    expect: ['cypher-error', 'rejected'],
  },
  // --- resource bombs: stopped by the limits, or refused before they run ------------------------
  {
    name: 'cartesian product bomb (rows)',
    query: 'MATCH (a), (b), (c), (d) RETURN a, b, c, d',
    expect: ['stopped'],
    timeoutMs: 3_000,
  },
  {
    name: 'cartesian product bomb (count)',
    query: 'MATCH (a), (b), (c), (d), (e) WHERE a.id < e.id RETURN count(*)',
    expect: ['stopped'],
    timeoutMs: 1_000,
  },
  {
    name: 'range(1, 1e9)',
    query: 'UNWIND range(1, 1e9) AS x RETURN count(x)',
    expect: ['stopped', 'cypher-error'],
    timeoutMs: 1_000,
  },
  {
    name: 'range(1, 1000000000) integer',
    query: 'UNWIND range(1, 1000000000) AS x WITH x WHERE x % 7 = 3 RETURN count(x)',
    expect: ['stopped'],
    timeoutMs: 1_000,
  },
  {
    name: 'deep variable-length pattern',
    query: 'MATCH p = (a)-[*..25]-(b) RETURN count(p)',
    expect: ['stopped'],
    timeoutMs: 1_000,
  },
  // Single expressions Neo4j can neither interrupt nor bound in memory (they crashed the server
  // with OutOfMemoryError before the guard existed): refused before they run.
  {
    name: 'string-building bomb (reduce)',
    query: "RETURN reduce(s = '', x IN range(1, 5000000) | s + 'xxxxxxxxxx') AS s",
    expect: ['rejected'],
    reason: 'EXPRESSION_BOMB',
  },
  {
    name: 'huge list comprehension',
    query: 'RETURN [x IN range(1, 50000000) | x] AS big',
    expect: ['rejected'],
    reason: 'EXPRESSION_BOMB',
  },
  {
    name: 'CPU loop in any()',
    query: 'RETURN any(x IN range(1, 3000000000) WHERE x < 0) AS a',
    expect: ['rejected'],
    reason: 'EXPRESSION_BOMB',
  },
  {
    name: 'doubling reduce',
    query: "RETURN size(reduce(s = 'x', i IN range(1, 40) | s + s)) AS n",
    expect: ['rejected'],
    reason: 'EXPRESSION_BOMB',
  },
  {
    name: 'nested replace',
    query:
      "RETURN size(replace(replace(replace(replace(replace('x','x','xxxxxxxxxx'),'x','xxxxxxxxxx'),'x','xxxxxxxxxx'),'x','xxxxxxxxxx'),'x','xxxxxxxxxx')) AS n",
    expect: ['rejected'],
    reason: 'EXPRESSION_BOMB',
  },
  {
    name: 'range size from a parameter',
    query: 'RETURN [x IN range(1, $n) | x] AS l',
    params: { n: 1_000_000_000 },
    expect: ['rejected'],
    reason: 'EXPRESSION_BOMB',
  },
  // Bounded by the transaction memory limit or the timeout.
  {
    name: 'collect() bomb (tracked memory)',
    query: 'UNWIND range(1, 100000000) AS x WITH collect(x) AS l RETURN size(l)',
    expect: ['stopped'],
    timeoutMs: 3_000,
  },
  {
    name: 'response size bomb',
    query: 'MATCH (n) WITH collect(properties(n)) AS everything UNWIND range(1, 1000) AS i RETURN i, everything',
    expect: ['stopped'],
    timeoutMs: 5_000,
  },
];
