/**
 * API latency benchmark: the real server (startServer, in a child process)
 * under autocannon on 127.0.0.1, against a baseline measured in the same run: the very same
 * Cypher statements (recorded from the API itself) replayed through the bare neo4j-driver.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { buildApp } from '../../src/server/http/app';
import { loadEnv, processEnv } from '../../src/runtime/config';
import { createDriver } from '../../src/runtime/connection';
import { ROOT } from '../../src/runtime/paths';
import type { Generated } from '../generate';
import { median } from '../lib/stats';
import { browserExpansions } from './browser';
import { pathPairs } from './pairs';
import { med, viaApi, viaDriver, type HttpRequests, type LatencyCell } from './measure';
import { Recorder, recordingDriver, type RecordedStatement } from './record';

export type { LatencyCell } from './measure';

/**
 * The floor: a request whose Cypher is trivial (`/api/health`: one `CALL dbms.components()`), so
 * API p50 − driver p50 on it is what any request pays to pass through the API process (the HTTP
 * hop, the hooks, the socket wake-ups), with next to no work of its own. Not held to a target.
 */
export const FLOOR_ENDPOINT = 'floor: health (one trivial statement)';
const floorEndpoint: Endpoint = { name: FLOOR_ENDPOINT, method: 'GET', requests: [{ path: '/api/health' }] };

export interface ApiTarget {
  uri: string;
  password: string;
  database: string;
}

export interface ApiPlan {
  concurrency: number[];
  /**
   * Requests per measured round (one endpoint, one concurrency, per side). A fixed count, not a
   * duration: every request started is awaited on both sides, so slow ones are never cut off.
   */
  requests: (concurrency: number) => number;
  rounds: number;
  /** Warm-up requests per endpoint and side (2 clients) before measuring (0: none). */
  warmupRequests: number;
  log: (l: string) => void;
}

interface Endpoint extends HttpRequests {
  name: string;
  /** An expansion's entities, in the order of `requests`: measured against Browser's own expand too. */
  expands?: string[];
}

export interface ApiRow {
  endpoint: string;
  concurrency: number;
  api: LatencyCell;
  direct: LatencyCell;
  /** Expansions: Neo4j Browser's minimal Cypher for the same node and page, bare driver. */
  browser?: LatencyCell;
}

export interface ApiResults {
  rows: ApiRow[];
  statements: Record<string, number>;
  responseBytes: Record<string, number>;
  hub: { id: string; mentions: number };
  /** Endpoints that did not answer 200 when recorded (not measured), with the answer. */
  failed: Record<string, string>;
  /** Database hits of each endpoint's statements (PROFILE of its first request): the work in Cypher. */
  dbHits: Record<string, number>;
}

interface PlanNode {
  operatorType?: string;
  dbHits?: number;
  children?: PlanNode[];
}
const sumHits = (p: PlanNode | null | undefined): number =>
  p ? (p.dbHits ?? 0) + (p.children ?? []).reduce((a, c) => a + sumHits(c), 0) : 0;
/** Adds each operator's database hits into `into`, by operator type (where a request's hits go). */
const hitsByOperator = (p: PlanNode | null | undefined, into: Map<string, number>): void => {
  if (!p) return;
  const op = (p.operatorType ?? '?').replace(/@.*$/, '');
  if (p.dbHits) into.set(op, (into.get(op) ?? 0) + p.dbHits);
  for (const c of p.children ?? []) hitsByOperator(c, into);
};

/** PROFILEs the statements of one request and adds up their database hits. */
async function dbHitsOf(
  driver: ReturnType<typeof createDriver>,
  database: string,
  statements: RecordedStatement[],
  ops?: Map<string, number>,
): Promise<number> {
  let total = 0;
  // The sandbox's plan check (EXPLAIN) reads no data and PROFILE cannot prefix it.
  for (const st of statements.filter((x) => !/^\s*EXPLAIN\b/i.test(x.query))) {
    const session = driver.session({
      database: st.database ?? database,
      defaultAccessMode: st.mode === 'READ' ? 'READ' : 'WRITE',
    });
    try {
      const r = await session.run(`PROFILE ${st.query}`, st.params, { timeout: 60_000 });
      total += sumHits(r.summary.profile as unknown as PlanNode);
      if (ops) hitsByOperator(r.summary.profile as unknown as PlanNode, ops);
    } catch {
      return NaN; // e.g. a statement PROFILE cannot prefix (SHOW …)
    } finally {
      await session.close();
    }
  }
  return total;
}

/** The requests per endpoint; `pairs` (pathPairs) are the paths requests' ends, each PAIR_HOPS apart. */
function endpoints(p: Generated['probes'], pairs: Array<[string, string]>): Endpoint[] {
  const surname = (n: string) => n.split(' ').pop()!.slice(0, 6);
  const s = p.small;
  return [
    {
      name: 'search',
      method: 'GET',
      requests: p.names.map((n) => ({ path: `/api/search?q=${encodeURIComponent(surname(n))}&limit=20` })),
    },
    { name: 'node detail', method: 'GET', requests: s.slice(0, 5).map((id) => ({ path: `/api/nodes/${id}` })) },
    {
      name: 'expand (small node)',
      method: 'GET',
      requests: s.slice(0, 5).map((id) => ({ path: `/api/nodes/${id}/neighbours?limit=100` })),
      expands: s.slice(0, 5),
    },
    {
      name: `expand (hub, ${p.hubMentions.toLocaleString('en-US')}+ neighbours)`,
      method: 'GET',
      requests: [{ path: `/api/nodes/${p.hub}/neighbours?limit=100` }],
      expands: [p.hub],
    },
    ...(pairs.length
      ? [
          {
            name: 'paths (≤ 4 hops)',
            method: 'GET' as const,
            requests: pairs.slice(0, 4).map(([from, to]) => ({ path: `/api/paths?from=${from}&to=${to}&maxHops=4` })),
          },
        ]
      : []),
    {
      name: 'claims board (one event)',
      method: 'GET',
      requests: [{ path: `/api/claims?event=${encodeURIComponent(p.event)}` }],
    },
    {
      name: 'saved query: person-profile',
      method: 'POST',
      requests: [{ path: '/api/queries/person-profile/run', body: { params: { person: p.person } } }],
    },
    {
      name: 'saved query: claims-about-event',
      method: 'POST',
      requests: [{ path: '/api/queries/claims-about-event/run', body: { params: { event: p.event } } }],
    },
  ];
}

/** Runs each request once in-process (app.inject) and keeps the statements of a second, warm run. */
async function recordStatements(
  t: ApiTarget,
  eps: Endpoint[],
): Promise<{ byRequest: Map<string, RecordedStatement[]>; bytes: Map<string, number>; failed: Map<string, string> }> {
  const rec = new Recorder();
  const base = createDriver({ uri: t.uri, username: 'neo4j', password: t.password });
  const app = await buildApp({
    driver: recordingDriver(base, rec),
    database: t.database,
    env: loadEnv({ LOG_LEVEL: 'silent', NEWSGRAPH_KEEP_ANSWERS_MS: 'off' }),
    logger: false,
    webRoot: null,
  });
  const byRequest = new Map<string, RecordedStatement[]>();
  const bytes = new Map<string, number>();
  const failed = new Map<string, string>();
  try {
    for (const ep of eps) {
      for (const r of ep.requests) {
        let last = null as Awaited<ReturnType<typeof app.inject>> | null;
        for (let i = 0; i < 2 && !failed.has(ep.name); i++) {
          rec.reset();
          last = await app.inject({ method: ep.method, url: r.path, ...(r.body ? { payload: r.body as object } : {}) });
          // An endpoint that fails here (e.g. times out on a big graph) is reported, not measured.
          if (last.statusCode !== 200)
            failed.set(ep.name, `${ep.method} ${r.path} → ${last.statusCode}: ${last.body.slice(0, 300)}`);
        }
        if (failed.has(ep.name)) break;
        byRequest.set(r.path + JSON.stringify(r.body ?? ''), [...rec.statements]);
        bytes.set(ep.name, Math.max(bytes.get(ep.name) ?? 0, last!.rawPayload.length));
      }
    }
  } finally {
    await app.close();
    await base.close();
  }
  return { byRequest, bytes, failed };
}

function startServerChild(t: ApiTarget): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'bench', 'api', 'server-child.ts')], {
    env: processEnv({
      NEO4J_URI: t.uri,
      NEO4J_USERNAME: 'neo4j',
      NEO4J_PASSWORD: t.password,
      NEO4J_DATABASE: t.database,
    }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((res, rej) => {
    let out = '';
    const timer = setTimeout(() => rej(new Error(`API server did not start:\n${out}`)), 120_000);
    const onData = (b: Buffer) => {
      out += b.toString();
      const m = /READY (\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        res({ url: m[1]!, child });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (c) => {
      clearTimeout(timer);
      rej(new Error(`API server exited (${c}):\n${out}`));
    });
  });
}

/**
 * Database hits only, no latency run: each endpoint's first request recorded (warm) and
 * PROFILEd. What `bench/api/hits.ts` reports per scale.
 */
export async function apiDbHits(
  t: ApiTarget,
  probes: Generated['probes'],
): Promise<{
  dbHits: Record<string, number>;
  /** Per endpoint, its operators with the most database hits ("Expand(All) 1,200 · …"). */
  where: Record<string, string>;
  failed: Record<string, string>;
  /** The paths requests' ends (the first pair is the one PROFILEd). */
  pairs: Array<[string, string]>;
}> {
  const pairs = await pathPairs(t, probes.small);
  const eps = endpoints(probes, pairs);
  // A first pass only warms the fresh instance (plans, page cache, JIT): on a busy machine its
  // first queries can exceed the API's time limit.
  await recordStatements(t, eps);
  const { byRequest, failed } = await recordStatements(t, eps);
  const dbHits: Record<string, number> = {};
  const where: Record<string, string> = {};
  const driver = createDriver({ uri: t.uri, username: 'neo4j', password: t.password });
  try {
    for (const ep of eps.filter((x) => !failed.has(x.name))) {
      const r = ep.requests[0]!;
      const ops = new Map<string, number>();
      dbHits[ep.name] = await dbHitsOf(driver, t.database, byRequest.get(r.path + JSON.stringify(r.body ?? ''))!, ops);
      const top = [...ops].sort((a, b) => b[1] - a[1]).slice(0, 3);
      where[ep.name] = top.map(([op, h]) => `${op} ${h.toLocaleString('en-US')}`).join(' · ');
    }
  } finally {
    await driver.close();
  }
  return { dbHits, where, failed: Object.fromEntries(failed), pairs };
}

export async function runApiBench(t: ApiTarget, probes: Generated['probes'], plan: ApiPlan): Promise<ApiResults> {
  const eps = [floorEndpoint, ...endpoints(probes, await pathPairs(t, probes.small))];
  // Recording (in-process) and the server child start (both load and EXPLAIN-check the saved
  // queries) overlap.
  const serverP = startServerChild(t);
  serverP.catch(() => {});
  let recorded: Awaited<ReturnType<typeof recordStatements>>;
  try {
    recorded = await recordStatements(t, eps);
  } catch (e) {
    await serverP.then(({ child }) => child.kill('SIGTERM')).catch(() => {});
    throw e;
  }
  const { byRequest, bytes, failed } = recorded;
  plan.log(
    `api: recorded the Cypher of ${byRequest.size} requests${failed.size ? `; failing, not measured: ${[...failed.keys()].join(', ')}` : ''}`,
  );
  const measured = eps.filter((ep) => !failed.has(ep.name));
  const seqsOf = (ep: Endpoint) => ep.requests.map((r) => byRequest.get(r.path + JSON.stringify(r.body ?? ''))!);
  const { url, child } = await serverP;
  const driver = createDriver({ uri: t.uri, username: 'neo4j', password: t.password });
  const rows: ApiRow[] = [];
  try {
    const browser = new Map<string, RecordedStatement[][]>();
    for (const ep of measured)
      if (ep.expands)
        browser.set(
          ep.name,
          (await browserExpansions(driver, t.database, ep.expands, 100)).map((st) => [st]),
        );
    // Warm both paths (JIT, plan caches, page cache) before measuring.
    if (plan.warmupRequests > 0) {
      for (const ep of measured) {
        await viaApi(url, ep, 2, plan.warmupRequests);
        await viaDriver(driver, t.database, seqsOf(ep), 2, plan.warmupRequests);
        const b = browser.get(ep.name);
        if (b) await viaDriver(driver, t.database, b, 2, plan.warmupRequests);
      }
    }
    for (const ep of measured) {
      for (const c of plan.concurrency) {
        const sides: Array<[LatencyCell[], (k: number) => Promise<LatencyCell>]> = [
          [[], (k) => viaApi(url, ep, c, k)],
          [[], (k) => viaDriver(driver, t.database, seqsOf(ep), c, k)],
        ];
        const b = browser.get(ep.name);
        if (b) sides.push([[], (k) => viaDriver(driver, t.database, b, c, k)]);
        for (let r = 0; r < plan.rounds; r++) {
          // Rotate which side goes first, so drift in machine load hits all sides equally.
          const k = plan.requests(c);
          for (let i = 0; i < sides.length; i++) {
            const [cells, run] = sides[(i + r) % sides.length]!;
            cells.push(await run(k));
          }
        }
        const [api, direct, base] = sides.map(([cells]) => med(cells));
        const row: ApiRow = {
          endpoint: ep.name,
          concurrency: c,
          api: api!,
          direct: direct!,
          ...(base ? { browser: base } : {}),
        };
        rows.push(row);
        plan.log(
          `api: ${ep.name} @${c}: p50 ${row.api.p50.toFixed(1)} ms (driver ${row.direct.p50.toFixed(1)} ms${base ? `, Browser-style ${base.p50.toFixed(1)} ms` : ''}), p99 ${row.api.p99.toFixed(1)} ms, ${row.api.rps.toFixed(0)} req/s (driver ${row.direct.rps.toFixed(0)})`,
        );
      }
    }
  } finally {
    await driver.close();
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
  const dbHits: Record<string, number> = {};
  const profDriver = createDriver({ uri: t.uri, username: 'neo4j', password: t.password });
  try {
    for (const ep of measured) dbHits[ep.name] = await dbHitsOf(profDriver, t.database, seqsOf(ep)[0]!);
  } finally {
    await profDriver.close();
  }
  const statements: Record<string, number> = {};
  for (const ep of measured) statements[ep.name] = median(seqsOf(ep).map((s) => s.length));
  return {
    rows,
    statements,
    responseBytes: Object.fromEntries(bytes),
    hub: { id: probes.hub, mentions: probes.hubMentions },
    failed: Object.fromEntries(failed),
    dbHits,
  };
}
