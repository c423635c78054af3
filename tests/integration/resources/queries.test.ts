import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueriesListResponseSchema, RunQueryResponseSchema } from '../../../src/shared/api/index';
import { QUERIES_DIR } from '../../../src/runtime/paths';
import { makeTestApi, type TestApi } from '../../support/api';
import { testDriver, testNeo4j } from '../../support/neo4j';
import { ensureSeeded, graphFingerprint } from '../../support/seeded';

const files = readdirSync(QUERIES_DIR).filter((f) => f.endsWith('.cypher'));
let api: TestApi;

/** Records the statements a test API sends through its driver (the real database still answers them). */
function recordStatements(t: TestApi): { sent: string[]; restore: () => void } {
  const session = t.driver.session.bind(t.driver);
  const sent: string[] = [];
  t.driver.session = ((config) => {
    const s = session(config);
    const run = s.run.bind(s);
    s.run = ((text: string, ...rest: unknown[]) => {
      sent.push(text);
      return (run as (...a: unknown[]) => ReturnType<typeof run>)(text, ...rest);
    }) as typeof s.run;
    return s;
  }) as typeof t.driver.session;
  return { sent, restore: () => void (t.driver.session = session) };
}

beforeAll(async () => {
  await ensureSeeded();
  api = await makeTestApi();
});
afterAll(async () => api?.close());

describe('the saved query library (cypher/queries)', () => {
  it('holds at least 15 queries, all accepted at load, with typed parameters', async () => {
    expect(files.length).toBeGreaterThanOrEqual(15);
    const r = await api.get('/api/queries');
    expect(r.status).toBe(200);
    const list = QueriesListResponseSchema.parse(r.body);
    expect(list.rejected).toEqual([]);
    expect(list.queries.map((q) => `${q.name}.cypher`).sort()).toEqual(files.sort());
    for (const q of list.queries) {
      expect(q.title.length).toBeGreaterThan(3);
      expect(q.description.length).toBeGreaterThan(10);
      for (const p of q.params) expect(['string', 'integer', 'float', 'boolean', 'date', 'entity']).toContain(p.type);
    }
    // Pickers: suggestion queries ran and returned values.
    const profile = list.queries.find((q) => q.name === 'person-profile')!;
    const person = profile.params.find((p) => p.name === 'person')!;
    expect(person.type).toBe('entity');
    expect(person.suggestions?.map((s) => s.value)).toContain('vyacheslav-gladkov');
    expect(person.suggestions?.find((s) => s.value === 'vyacheslav-gladkov')?.label).toBe('Vyacheslav Gladkov');
    // A picker of labels offers the data's labels, never the loader's own (kept as tokens, with no nodes).
    const kinds = list.queries.find((q) => q.name === 'most-connected')!.params.find((p) => p.name === 'label')!;
    const values = (kinds.suggestions ?? []).map((s) => s.value);
    expect(values).toContain('Person');
    expect(values.filter((v) => typeof v === 'string' && v.startsWith('Newsgraph'))).toEqual([]);
  });

  it.each(files.map((f) => f.replace(/\.cypher$/, '')))('%s runs with its defaults and returns rows', async (name) => {
    const r = await api.post(`/api/queries/${name}/run`, {});
    expect(r.status, JSON.stringify(r.body).slice(0, 300)).toBe(200);
    const res = RunQueryResponseSchema.parse(r.body);
    expect(res.summary.rows).toBeGreaterThan(0);
    expect(res.table.rows.length).toBe(res.summary.rows);
    expect(res.table.columns.length).toBeGreaterThan(0);
    for (const row of res.table.rows) expect(row.length).toBe(res.table.columns.length);
    // The payload is drawable: every edge has both ends.
    const ids = new Set(res.graph.nodes.map((n) => n.id));
    for (const e of res.graph.edges) expect(ids.has(e.source) && ids.has(e.target)).toBe(true);
    expect(JSON.parse(JSON.stringify(res))).toEqual(res);
  });
});

describe('what the event queries say about dates and figures', () => {
  const EVENT_QUERIES = [
    'casualties-by-event',
    'incident-timeline',
    'attribution-of-strikes',
    'events-in-place',
    'weapons-used',
  ];
  /** The rows of a query's run with its defaults, as objects by column. */
  const rowsOf = async (name: string) => {
    const r = await api.post(`/api/queries/${name}/run`, {});
    expect(r.status).toBe(200);
    const cols: string[] = r.body.table.columns;
    type Row = Record<string, string | number | null>;
    return (r.body.table.rows as unknown[][]).map((row) => Object.fromEntries(cols.map((c, i) => [c, row[i]])) as Row);
  };

  it.each(EVENT_QUERIES)('%s gives an exact day as itself and a range as its range, in date order', async (name) => {
    const rows = await rowsOf(name);
    expect(Object.keys(rows[0]!)).toEqual(expect.arrayContaining(['dateFrom', 'dateTo']));
    expect(Object.keys(rows[0]!)).not.toContain('date');
    for (const row of rows)
      if (row.dateFrom != null && row.dateTo != null) expect(row.dateFrom <= row.dateTo).toBe(true);
    // Sorted by the first day it can have been (then the last), within the weapon for weapons-used.
    const key = (row: Record<string, unknown>) =>
      `${name === 'weapons-used' ? row.weapon : ''}|${row.dateFrom ?? row.dateTo}|${row.dateTo}`;
    const keys = rows.map(key);
    expect(keys).toEqual([...keys].sort());
  });

  it('keeps the range of an event known only by its month, and the "at least" with the figures', async () => {
    const rows = await rowsOf('casualties-by-event');
    const kramatorsk = rows.find((r) => r.event === 'Kramatorsk railway station strike')!;
    expect(kramatorsk).toMatchObject({
      dateFrom: '2022-04-01',
      dateTo: '2022-04-30',
      casualtyQualifier: 'at least',
      killed: 59,
    });
    const belgorod = rows.find((r) => r.event === 'Attack on Belgorod, 30 December 2023')!;
    expect(belgorod).toMatchObject({
      dateFrom: '2023-12-30',
      dateTo: '2023-12-30',
      casualtyQualifier: 'at least',
      killed: 3,
    });
    const timeline = await rowsOf('incident-timeline');
    expect(timeline.find((r) => r.incident === 'Attack on Belgorod, 30 December 2023')).toMatchObject({
      casualtyQualifier: 'at least',
      killed: 3,
    });
  });

  it('officials runs without a Neo4j warning on the seeded graph', async () => {
    const r = await api.post('/api/queries/officials/run', {});
    expect(r.status).toBe(200);
    expect(r.body.summary.notifications ?? []).toEqual([]);
    expect(r.body.summary.rows).toBeGreaterThan(0);
  });
});

describe('running saved queries', () => {
  it('uses given parameters, typed', async () => {
    const r = await api.post('/api/queries/events-in-place/run', {
      params: { place: 'belgorod', from: '2023-01-01', to: '2023-12-31' },
    });
    expect(r.status).toBe(200);
    expect(r.body.params).toEqual({ place: 'belgorod', from: '2023-01-01', to: '2023-12-31' });
    const toCol = r.body.table.columns.indexOf('dateTo');
    expect(r.body.table.rows.length).toBeGreaterThan(0);
    // A range that overlaps the asked one counts, though it may start before `from`.
    for (const row of r.body.table.rows) expect(row[toCol] === null || row[toCol] >= '2023-01-01').toBe(true);
    const all = await api.post('/api/queries/events-in-place/run', { params: { place: 'belgorod' } });
    expect(all.body.summary.rows).toBeGreaterThan(r.body.summary.rows);
  });

  it('accepts an element id for an entity parameter', async () => {
    const node = await api.get('/api/nodes/volodymyr-zelensky');
    const r = await api.post('/api/queries/person-profile/run', { params: { person: node.body.node.id } });
    expect(r.status).toBe(200);
    expect(r.body.params.person).toBe('volodymyr-zelensky');
    expect(r.body.summary.rows).toBeGreaterThan(0);
  });

  it('caps the rows and says so', async () => {
    const r = await api.post('/api/queries/single-source-facts/run', { maxRows: 5 });
    expect(r.status).toBe(200);
    expect(r.body.table.rows.length).toBe(5);
    expect(r.body.summary).toMatchObject({ rows: 5, truncated: true, truncatedBy: 'rows', maxRows: 5 });
  });

  it("says when the query's own LIMIT cut the answer, and not when everything fitted", async () => {
    const cut = await api.post('/api/queries/most-connected/run', { params: { limit: 3 } });
    expect(cut.status).toBe(200);
    expect(cut.body.table.rows.length).toBe(3);
    expect(cut.body.summary).toMatchObject({ rows: 3, truncated: true, truncatedBy: 'limit', maxRows: 1000 });
    // LIMIT 300: one person's profile is far less.
    const all = await api.post('/api/queries/person-profile/run', { params: { person: 'volodymyr-zelensky' } });
    expect(all.body.summary.rows).toBeGreaterThan(0);
    expect(all.body.summary.rows).toBeLessThan(300);
    expect(all.body.summary).toMatchObject({ truncated: false, truncatedBy: null });
  });

  it('runs identical requests in flight at once on Neo4j once, and different ones each', async () => {
    const { sent, restore } = recordStatements(api);
    try {
      const most = (limit: number) => api.post('/api/queries/most-connected/run', { params: { limit } });
      const answers = await Promise.all([most(7), most(7), most(7), most(7), most(3)]);
      for (const a of answers) expect(a.status).toBe(200);
      const runs = sent.filter((t) => /^MATCH \(x\)/m.test(t) && !/^\s*EXPLAIN/i.test(t));
      expect(runs.length, sent.join('\n---\n').slice(0, 2000)).toBe(2);
      expect(answers[1]!.body).toEqual(answers[0]!.body);
      expect(answers[0]!.body.summary.rows).toBe(7);
      expect(answers[4]!.body.summary.rows).toBe(3);
      // Nothing is kept afterwards: the next request runs again.
      expect((await most(7)).status).toBe(200);
      expect(sent.filter((t) => /^MATCH \(x\)/m.test(t) && !/^\s*EXPLAIN/i.test(t)).length).toBe(3);
    } finally {
      restore();
    }
  });

  it('serves a kept answer while nothing is committed, and computes afresh after any write', async () => {
    // Every answer kept (threshold 0 ms), so the seeded graph's quick queries show it.
    const keeping = await makeTestApi({ envVars: { NEWSGRAPH_KEEP_ANSWERS_MS: '0' } });
    const other = testDriver(); // another client of the same database
    const { sent } = recordStatements(keeping);
    const runs = () => sent.filter((t) => /^MATCH \(x\)/m.test(t) && !/^\s*EXPLAIN/i.test(t)).length;
    const most = () => keeping.post('/api/queries/most-connected/run', { params: { limit: 6 } });
    const write = (cypher: string) =>
      other.executeQuery(cypher, {}, { database: testNeo4j().database }).then(() => undefined);
    try {
      const first = await most(); // computed under the mark read just before, and kept
      const second = await most();
      const third = await most();
      for (const r of [first, second, third]) expect(r.status).toBe(200);
      expect(runs()).toBe(1);
      expect(first.body.summary.keptSince ?? null).toBeNull();
      expect(Date.parse(second.body.summary.keptSince)).toBeGreaterThan(Date.now() - 60_000);
      expect(third.body.summary.keptSince).toBe(second.body.summary.keptSince);
      const { keptSince: _k, ...keptSummary } = third.body.summary;
      expect({ ...third.body, summary: keptSummary }).toEqual(first.body);
      // Any client's commit, even one that is then undone, makes the next request compute afresh.
      await write("MATCH (n:Entity {id: 'vyacheslav-gladkov'}) SET n.keptProbe = 1");
      await write("MATCH (n:Entity {id: 'vyacheslav-gladkov'}) REMOVE n.keptProbe");
      const fourth = await most();
      expect(fourth.status).toBe(200);
      expect(fourth.body.summary.keptSince ?? null).toBeNull();
      expect(runs()).toBe(2);
      expect((await most()).body.summary.keptSince).toEqual(expect.any(String));
      expect(runs()).toBe(2);
    } finally {
      await other.close();
      await keeping.close();
    }
  });

  it.each([
    ['widely-reported-entities', { minArticles: 'three' }, 'params.minArticles', /integer/],
    ['widely-reported-entities', { minArticles: 0 }, 'params.minArticles', /at least 1/],
    ['widely-reported-entities', { minArticles: 2.5 }, 'params.minArticles', /integer/],
    ['events-in-place', { from: '2023-02-30' }, 'params.from', /calendar date/],
    ['events-in-place', { from: 'yesterday' }, 'params.from', /date like/],
    [
      'events-in-place',
      { from: '2024-03-01', to: '2023-03-01' },
      'params.to',
      /To \(2023-03-01\) is before From \(2024-03-01\): the range is backwards/,
    ],
    ['events-in-place', { from: '2025-01-01' }, 'params.to', /To \(2024-12-31\) is before From \(2025-01-01\)/],
    ['claims-by-status', { status: 'invented' }, 'params.status', /one of/],
    ['shortest-path', { viaArticles: 'maybe' }, 'params.viaArticles', /true or false/],
    ['shortest-path', { from: 'belgorod', to: 'belgorod' }, 'params.to', /^params\.to: is the same node as From/],
    ['person-profile', { nobody: 1 }, 'params.nobody', /unknown parameter/],
    ['person-profile', { person: 'belgorod' }, 'params.person', /"belgorod" is not a Person \(its labels: .*Place/],
    ['claims-about-event', { event: 'vyacheslav-gladkov' }, 'params.event', /"vyacheslav-gladkov" is not an Event \(/],
  ])('%s with %j → 400 naming %s', async (name, params, param, msg) => {
    const r = await api.post(`/api/queries/${name}/run`, { params });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('BAD_REQUEST');
    expect(r.body.error.param).toBe(param);
    expect(r.body.error.message).toMatch(msg);
  });

  it('404s an unknown query and 400s a bad body', async () => {
    expect((await api.post('/api/queries/no-such-query/run', {})).status).toBe(404);
    const bad = await api.post('/api/queries/person-profile/run', { params: {}, extra: true });
    expect(bad.status).toBe(400);
    expect(bad.body.error.param).toBe('body.extra');
  });
});

describe('loading', () => {
  let dir: string;
  let custom: TestApi;
  const write = (name: string, text: string) => writeFileSync(join(dir, name), text);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'newsgraph-queries-'));
    write(
      'good.cypher',
      '// title: Good one\n// description: Counts people.\nMATCH (p:Person) RETURN count(p) AS people\n',
    );
    write(
      'writes.cypher',
      '// title: Sneaky writer\n// description: Marks everybody.\nMATCH (p:Person) SET p.pwned = true RETURN count(p)\n',
    );
    write('creates.cypher', '// title: Creator\n// description: Creates a node.\nCREATE (n:Pwned) RETURN n\n');
    write('deletes.cypher', '// title: Deleter\n// description: Deletes a node.\nMATCH (n:Person) DETACH DELETE n\n');
    write(
      'loads-csv.cypher',
      "// title: Reader\n// description: Reads a file.\nLOAD CSV FROM 'file:///etc/passwd' AS l RETURN l\n",
    );
    write('admin.cypher', '// title: Admin\n// description: Lists users.\nSHOW USERS\n');
    write('syntax.cypher', '// title: Broken\n// description: Does not parse.\nMATCH (n RETURN n\n');
    write(
      'undeclared.cypher',
      '// title: Undeclared\n// description: Uses a parameter it does not declare.\nMATCH (n {id: $id}) RETURN n\n',
    );
    write('no-header.cypher', 'MATCH (n) RETURN n LIMIT 1\n');
    write(
      'bad-default.cypher',
      '// title: Bad default\n// description: The default is not a date.\n// params:\n//   - {name: d, type: date, default: soon}\nRETURN $d AS d\n',
    );
    write('Bad Name.cypher', '// title: Bad name\n// description: File name with spaces.\nRETURN 1\n');
    custom = await makeTestApi({ queriesDir: dir });
  });
  afterAll(async () => {
    await custom?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses queries that write, read files, administer, do not parse or are malformed; keeps the rest', async () => {
    const before = await graphFingerprint();
    const r = await custom.get('/api/queries');
    expect(r.status).toBe(200);
    expect(r.body.queries.map((q: { name: string }) => q.name)).toEqual(['good']);
    const reason = (file: string) => r.body.rejected.find((x: { file: string }) => x.file === file)?.reason as string;
    expect(reason('writes.cypher')).toMatch(/read-only/);
    expect(reason('creates.cypher')).toMatch(/read-only/);
    expect(reason('deletes.cypher')).toMatch(/read-only/);
    expect(reason('loads-csv.cypher')).toMatch(/LOAD CSV/);
    expect(reason('admin.cypher')).toMatch(/administration/i);
    expect(reason('syntax.cypher')).toMatch(/Invalid input/);
    expect(reason('undeclared.cypher')).toMatch(/\$id without declaring/);
    expect(reason('no-header.cypher')).toMatch(/missing the `\/\/` header/);
    expect(reason('bad-default.cypher')).toMatch(/default of d/);
    expect(reason('Bad Name.cypher')).toMatch(/kebab-case/);
    expect(r.body.rejected.length).toBe(10);
    expect((await custom.post('/api/queries/writes/run', {})).status).toBe(404);
    expect((await custom.post('/api/queries/good/run', {})).body.table.rows.length).toBe(1);
    expect(await graphFingerprint()).toBe(before);
  });
});
