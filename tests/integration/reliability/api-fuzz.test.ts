import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import type { FastifyInstance, InjectOptions } from 'fastify';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../../src/server/http/app';
import { loadEnv } from '../../../src/runtime/config';
import { createDriver } from '../../../src/runtime/connection';
import { ErrorBodySchema } from '../../../src/shared/api/common';
import { API_CONTRACTS } from '../../../src/shared/api/index';
import { testNeo4j } from '../../support/neo4j';
import { ensureSeeded, graphFingerprint } from '../../support/seeded';
import { cypherish, deepJson, hostileJson, hostileKey, hostileString } from './support/hostile';
import { discoverRoutes, type RouteInfo } from './support/routes';
import { openAppStore } from '../../../src/runtime/store/app-store';

/**
 * Fast-check throws random and malformed values at every /api route the app
 * registers (found from Fastify's route table, parameters from the OpenAPI document): ids,
 * query strings, JSON bodies, huge strings, unicode, Lucene and Cypher syntax, deeply nested
 * JSON, wrong content types. Every answer must be 2xx, or 4xx with an error body carrying a
 * message — never 5xx, never a hang — and the graph must be unchanged. Seeded and reproducible:
 * FUZZ_SEED=<n> replays a run; at least 2,000 cases per run.
 */

const SEED = Number(process.env.FUZZ_SEED ?? 20240614);
const MIN_CASES = 2_000;
const HANG_MS = 30_000;

let driver: Driver;
let app: FastifyInstance;
let routes: RouteInfo[];
let before = '';
let validIds: string[] = [];
let savedNames: string[] = [];
let cases = 0;
const backupDir = mkdtempSync(join(tmpdir(), 'newsgraph-fuzz-backups-'));
const statuses = new Map<number, number>();
const timings: string[] = [];

beforeAll(async () => {
  await ensureSeeded();
  const t = testNeo4j();
  driver = createDriver(t);
  app = await buildApp({
    driver,
    database: t.database,
    // Backups the fuzzer asks for land in a folder of the test's own.
    env: loadEnv({ LOG_LEVEL: 'silent', NEWSGRAPH_BACKUP_DIR: backupDir }),
    logger: false,
    webRoot: null,
    store: openAppStore(':memory:'),
  });
  routes = await discoverRoutes(app);
  const r = await driver.executeQuery(
    `MATCH (n) WITH n ORDER BY n.id LIMIT 5 OPTIONAL MATCH (n)-[r]-() WITH n, collect(r)[0] AS r
     RETURN n.id AS key, elementId(n) AS eid, elementId(r) AS rid`,
    {},
    { database: t.database },
  );
  validIds = r.records
    .flatMap((x) => [x.get('key'), x.get('eid'), x.get('rid')])
    .filter((x): x is string => typeof x === 'string');
  validIds.push('vyacheslav-gladkov', 'volodymyr-zelensky', 'belgorod');
  const list = JSON.parse((await app.inject({ method: 'GET', url: '/api/queries' })).body) as {
    queries?: Array<{ name: string }>;
  };
  savedNames = (list.queries ?? []).map((q) => q.name);
  before = await graphFingerprint();
}, 120_000);

afterAll(async () => {
  await app?.close();
  rmSync(backupDir, { recursive: true, force: true });
  await driver?.close();
  console.log(
    `api fuzz: ${cases} cases over ${routes?.length} routes, seed ${SEED}; statuses ${[...statuses.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([s, n]) => `${s}×${n}`)
      .join(', ')}\n  ${timings.join('; ')}`,
  );
});

/** One generated request. */
interface Req {
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string;
}

/** Lone surrogates cannot travel in a URL; browsers send U+FFFD instead (what TextEncoder does). */
const wellFormed = (s: string) =>
  s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
const encode = (s: string) => encodeURIComponent(wellFormed(s));

const idValue = () =>
  fc.oneof(
    { weight: 3, arbitrary: hostileString() },
    { weight: 1, arbitrary: fc.constantFrom(...validIds, ...savedNames) },
  );

function pathArb(route: RouteInfo): fc.Arbitrary<string> {
  if (!route.pathParams.length) return fc.constant(route.path);
  return fc
    .tuple(
      fc.array(idValue(), { minLength: route.pathParams.length, maxLength: route.pathParams.length }),
      fc.boolean(),
    )
    .map(([values, raw]) => {
      let i = 0;
      return route.path.replace(/:(\w+)/g, () => {
        const v = values[i++]!;
        // Mostly encoded like a browser would; sometimes raw, which may even break the URL.
        return raw ? wellFormed(v).replace(/[\s#?]/g, encodeURIComponent) : encode(v);
      });
    });
}

function queryArb(route: RouteInfo): fc.Arbitrary<string> {
  const names = [...route.queryParams, 'q', 'limit', 'unknownParam'];
  const value = fc.oneof(
    { weight: 4, arbitrary: hostileString() },
    { weight: 1, arbitrary: fc.constantFrom(...validIds) },
    { weight: 1, arbitrary: fc.integer().map(String) },
  );
  const pair = fc.tuple(fc.constantFrom(...names), value, fc.boolean());
  return fc
    .array(pair, { maxLength: 6 })
    .map((pairs) =>
      pairs.length
        ? `?${pairs.map(([k, v, enc]) => `${k}=${enc ? encode(v) : wellFormed(v).replace(/[\s#&]/g, encodeURIComponent)}`).join('&')}`
        : '',
    );
}

/** Bodies: shaped like the endpoint's (with hostile values), arbitrary JSON, deep nesting, not JSON at all, too big. */
function bodyArb(_route: RouteInfo): fc.Arbitrary<{ payload: string; contentType: string | null }> {
  const shaped = fc.record(
    {
      query: fc.oneof(cypherish, hostileString(), hostileJson),
      params: fc.oneof(fc.dictionary(hostileKey, hostileJson, { maxKeys: 4 }), hostileJson),
      timeoutMs: fc.oneof(fc.integer({ min: 100, max: 1_000 }), fc.constantFrom(-1, 0, 1e9, 1.5, '500', null)),
      maxRows: fc.oneof(fc.integer({ min: -5, max: 2_000 }), fc.constantFrom('10', null, 1e10)),
      extra: hostileJson,
    },
    { requiredKeys: ['timeoutMs'] },
  );
  const json = fc.oneof(
    { weight: 4, arbitrary: shaped.map((b) => JSON.stringify(b)) },
    { weight: 2, arbitrary: hostileJson.map((v) => JSON.stringify(v) ?? 'null') },
    { weight: 1, arbitrary: deepJson },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        '{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}}}',
        '{',
        '',
        'null',
        '[]',
        '"x"',
        '{"a":1}{"b":2}',
        '\u0000',
      ),
    },
    { weight: 1, arbitrary: fc.string({ maxLength: 60 }) },
    {
      weight: 1,
      arbitrary: fc
        .integer({ min: 257, max: 1_200 })
        .map((kb) => JSON.stringify({ query: 'RETURN 1', params: { blob: 'x'.repeat(kb * 1024) } })),
    },
  );
  const contentType = fc.oneof(
    { weight: 6, arbitrary: fc.constant('application/json') },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        null,
        'text/plain',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=x',
        'application/json; charset=utf-16',
        'application/xml',
        'application/json; charset=latin1',
        '*/*',
      ),
    },
  );
  return fc.record({ payload: json, contentType });
}

function requestArb(route: RouteInfo): fc.Arbitrary<Req> {
  const auth = fc.option(
    fc.constantFrom('Bearer x', 'Bearer ', 'Basic bmVvNGo6bmVvNGo=', 'Bearer ' + 'a'.repeat(10_000)),
    { nil: undefined },
  );
  const body =
    route.hasBody || route.method === 'POST'
      ? fc.option(bodyArb(route), { freq: 8, nil: undefined })
      : fc.option(bodyArb(route), { freq: 1, nil: undefined });
  return fc
    .record({ path: pathArb(route), query: queryArb(route), body, auth })
    .map(({ path, query, body: b, auth: a }) => {
      const headers: Record<string, string> = {};
      if (a) headers.authorization = a;
      if (b?.contentType) headers['content-type'] = b.contentType;
      return { method: route.method, url: path + query, headers, payload: b?.payload };
    });
}

async function send(r: Req): Promise<{ status: number; body: string; contentType: string }> {
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${HANG_MS} ms`)), HANG_MS);
  });
  try {
    const res = await Promise.race([
      app.inject({ method: r.method as InjectOptions['method'], url: r.url, headers: r.headers, payload: r.payload }),
      hang,
    ]);
    return { status: res.statusCode, body: res.body, contentType: String(res.headers['content-type'] ?? '') };
  } finally {
    clearTimeout(timer);
  }
}

/** FUZZ_COLLECT=1: record every violation and report them all at the end instead of stopping at the first. */
const COLLECT = !!process.env.FUZZ_COLLECT;
const problems: string[] = [];

/** The property: 2xx (JSON), or 4xx with a JSON error body carrying a message. */
async function check(r: Req): Promise<void> {
  cases++;
  let problem: string | null = null;
  try {
    const res = await send(r);
    statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
    const where = `${r.method} ${r.url.slice(0, 200)} (body ${r.payload?.slice(0, 150)}) → ${res.status} ${res.body.slice(0, 300)}`;
    if (res.status >= 500 || res.status < 200 || (res.status >= 300 && res.status < 400))
      problem = `unexpected status: ${where}`;
    else if (res.body.includes(testNeo4j().password)) problem = `the database password in a response: ${where}`;
    else if (res.status >= 400) {
      const parsed = ErrorBodySchema.safeParse(safeJson(res.body));
      if (!parsed.success || !parsed.data.error.message.trim())
        problem = `4xx without an error body and message: ${where}`;
    } else if (res.contentType.includes('json') && safeJson(res.body) === undefined)
      problem = `2xx with a body that is not JSON: ${where}`;
  } catch (e) {
    problem = `${r.method} ${r.url.slice(0, 200)}: ${(e as Error).message}`;
  }
  if (!problem) return;
  problems.push(problem);
  if (!COLLECT) throw new Error(problem);
}

function safeJson(s: string): unknown {
  try {
    return JSON.parse(s) as unknown;
  } catch {
    return undefined;
  }
}

describe('hostile input at every API endpoint (fast-check)', () => {
  it('finds every endpoint of the contract among the registered routes', () => {
    const registered = new Set(routes.map((r) => `${r.method} ${r.path}`));
    for (const c of API_CONTRACTS)
      expect(registered, c.path).toContain(`${c.method} ${c.path.replace(/\{(\w+)\}/g, ':$1')}`);
    expect(routes.length).toBeGreaterThanOrEqual(API_CONTRACTS.length);
  });

  it(`answers ≥ ${MIN_CASES} generated requests with 2xx or 4xx + message, never 5xx or a hang`, async () => {
    // Requests go in batches of 4 at a time (2 cores: the server and Neo4j work in parallel);
    // each request is one case.
    const BATCH = 4;
    // Cases per route follow its input surface (path parameters, query parameters, a body), at
    // least 40 each: a route without parameters has little to fuzz and costs the same per call.
    const weight = (r: RouteInfo) => 1 + 2 * r.pathParams.length + r.queryParams.length + (r.hasBody ? 6 : 0);
    const totalWeight = routes.reduce((a, r) => a + weight(r), 0);
    const casesFor = (r: RouteInfo) => Math.max(40, Math.ceil((MIN_CASES * 1.03 * weight(r)) / totalWeight));
    for (const [i, route] of routes.entries()) {
      const perRoute = casesFor(route);
      const t0 = Date.now();
      const batch = fc.array(requestArb(route), { minLength: BATCH, maxLength: BATCH });
      await fc.assert(
        fc.asyncProperty(batch, async (reqs) => {
          await Promise.all(reqs.map(check));
        }),
        { seed: SEED + i, numRuns: Math.ceil(perRoute / BATCH), endOnFailure: true },
      );
      timings.push(`${route.method} ${route.path} ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    }
    expect(cases).toBeGreaterThanOrEqual(MIN_CASES);
    expect(problems).toEqual([]);
  }, 600_000);

  it('hand-picked nasties: deep JSON, huge bodies, prototype pollution, bad encodings', async () => {
    const post = (url: string, payload: string, ct = 'application/json') => ({
      method: 'POST',
      url,
      headers: { 'content-type': ct },
      payload,
    });
    const reqs: Req[] = [
      post('/api/cypher', fc.sample(deepJson, { seed: SEED, numRuns: 1 })[0]!),
      post('/api/cypher', `${'['.repeat(200_000)}${']'.repeat(200_000)}`),
      post('/api/cypher', JSON.stringify({ query: 'RETURN 1', params: { x: 'y'.repeat(2_000_000) } })),
      post('/api/cypher', '{"__proto__":{"isAdmin":true},"query":"RETURN 1","timeoutMs":500}'),
      post('/api/cypher', '{"constructor":{"prototype":{"polluted":true}},"query":"RETURN 1"}'),
      post('/api/cypher', '\xff\xfe{\x00"\x00q\x00', 'application/json; charset=utf-16'),
      post('/api/cypher', '{"query":"RETURN 1"}', 'text/plain'),
      post('/api/queries/..%2F..%2Fschema/run', '{}'),
      post(`/api/queries/${'a'.repeat(5_000)}/run`, '{}'),
      { method: 'GET', url: `/api/search?q=${'%F0%9F'.repeat(100)}`, headers: {} },
      { method: 'GET', url: `/api/search?${'q=a&'.repeat(5_000)}`, headers: {} },
      { method: 'GET', url: `/api/nodes/${'%'.repeat(3)}`, headers: {} },
      { method: 'GET', url: `/api/nodes/${encodeURIComponent('\u0000')}/neighbours?limit=1e400`, headers: {} },
      { method: 'GET', url: `/api/paths?from=${'x'.repeat(100_000)}&to=belgorod`, headers: {} },
    ];
    const n = problems.length;
    for (const r of reqs) await check(r).catch(() => {});
    expect(problems.slice(n)).toEqual([]);
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  }, 120_000);

  it('left the graph unchanged', async () => {
    expect(await graphFingerprint()).toBe(before);
  });
});
