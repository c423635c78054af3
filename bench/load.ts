/**
 * `npm run bench:load` — the API under sustained load.
 *
 * A throw-away managed Neo4j (temporary folder, free port, the production configuration) with the
 * Belgorod graph, the real API server (startServer) in a process of its own, and autocannon on
 * 127.0.0.1 only: 100 concurrent clients for 60 s on a realistic mix — search (full names,
 * prefixes, misspellings), node detail, neighbourhood expansion, shortest paths and saved queries.
 *
 * Pass: zero 5xx, zero failed requests (connection errors, timeouts, any non-2xx), and the server
 * process's RSS growing by less than 20 % between the first and the last 10 s. Latency
 * percentiles are reported. The result replaces the "Load" section of bench/RESULTS.md (between
 * <!-- load:start --> and <!-- load:end -->; the rest of the file is left alone).
 *
 * Before the measured minute, a warm-up (default 20 s) with the same clients and mix brings the
 * server to its steady state (JIT, V8 heap sized for 100 sockets, Neo4j caches): measured without
 * it, RSS rose 208 → 250 MB in the first 30 s and then stayed flat (249–256 MB), which is warm-up,
 * not a leak — the RSS criterion is about leaks. Warm-up answers count towards the 5xx and failure
 * checks too.
 *
 * Options: --duration S (default 60), --warmup S (default 20), --connections N (default 100),
 * --seed N, --no-record; --graph N runs on the generated graph of N relationships (built by the
 * offline importer, bench/lib/imported.ts) instead, and records its own section.
 * Exit code 1 when a criterion fails.
 */
import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import neo4j from 'neo4j-driver';
import { seedDatabase } from '../src/dataset/index';
import { loadEnv, processEnv } from '../src/runtime/config';
import { startManaged } from '../src/runtime/managed/instance';
import { freePort } from '../src/runtime/managed/ports';
import { ROOT } from '../src/runtime/paths';
import { importedGraph } from './lib/imported';
import { avg, FailureTally, rssKb, rssWindows, type Cannon, type CannonRequest } from './load/measure';
import { buildMix, checkMix, prng, WEIGHTS, type Req } from './load/mix';
import { recordSection, renderSection, RESULTS } from './load/record';
import { serve, waitReady } from './load/server';

const SELF = fileURLToPath(import.meta.url);

function arg(name: string, dflt: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : dflt;
}

// ------------------------------------------------------------------ main
async function main(): Promise<number> {
  const duration = arg('duration', 60);
  const warmup = arg('warmup', 20);
  const connections = arg('connections', 100);
  const seed = arg('seed', 6);
  const record = !process.argv.includes('--no-record');
  const load0 = loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
  const graph = arg('graph', 0);
  const db = graph > 0 ? await importedDb(graph) : await seededDb();
  let server: ChildProcess | null = null;
  try {
    const { uri, password, database } = db;
    server = spawn(process.execPath, ['--import', 'tsx', SELF, '--serve'], {
      cwd: ROOT,
      env: processEnv({ NEO4J_URI: uri, NEO4J_USERNAME: 'neo4j', NEO4J_PASSWORD: password, NEO4J_DATABASE: database }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const base = await waitReady(server);
    if (new URL(base).hostname !== '127.0.0.1') throw new Error(`refusing to load anything but 127.0.0.1 (${base})`);
    const rand = prng(seed);
    const mix = await buildMix(uri, password, database, base, rand);
    const dropped = await checkMix(base, mix);
    const sizes = Object.fromEntries(Object.entries(mix).map(([k, v]) => [k, v.length]));
    for (const [k, v] of Object.entries(mix)) if (!v.length) throw new Error(`the ${k} part of the mix is empty`);
    const kinds = Object.keys(WEIGHTS) as Req['kind'][];
    const total = kinds.reduce((a, k) => a + WEIGHTS[k], 0);
    const sent: Record<string, number> = {};
    const next = (): Req => {
      let x = rand() * total;
      const kind = kinds.find((k) => (x -= WEIGHTS[k]) < 0) ?? 'search';
      const list = mix[kind];
      sent[kind] = (sent[kind] ?? 0) + 1;
      return list[Math.floor(rand() * list.length)]!;
    };
    console.log(
      `load: ${connections} clients for ${duration} s against ${base}; mix ${JSON.stringify(sizes)}${dropped.length ? `; dropped ${dropped.length}` : ''}`,
    );

    const failures = new FailureTally();
    // RSS of the server process, once a second.
    const cannon = (seconds: number) =>
      (autocannon as unknown as Cannon)({
        url: base,
        connections,
        duration: seconds,
        // A request is "failed" without an answer in 30 s (the API bounds its queries at 10–15 s;
        // under 100 clients on 2 cores a request also queues). Same as bench/api.
        timeout: 30,
        requests: [
          {
            setupRequest: (req: CannonRequest, context: { kind?: string }) => {
              const r = next();
              // One request in flight per connection: its context says what the answer was for.
              context.kind = r.kind === 'saved' ? `saved ${decodeURIComponent(r.path.split('/')[3] ?? '?')}` : r.kind;
              req.method = r.method;
              req.path = r.path;
              req.body = r.body;
              req.headers = r.body ? { 'content-type': 'application/json' } : {};
              return req;
            },
            onResponse: (status: number, body: string, context: { kind?: string }) => {
              if (status >= 400) failures.add(context.kind ?? '?', status, body);
            },
          },
        ],
      });
    const warm = warmup > 0 ? await cannon(warmup) : null;
    const warmRss = rssKb(server.pid!);
    const rss: Array<{ t: number; kb: number }> = [];
    const t0 = Date.now();
    const sampler = setInterval(() => rss.push({ t: (Date.now() - t0) / 1000, kb: rssKb(server!.pid!) }), 1_000);
    const result = await cannon(duration);
    clearInterval(sampler);
    const warm5xx = warm
      ? Object.entries(warm.statusCodeStats ?? {})
          .filter(([c]) => Number(c) >= 500)
          .reduce((a, [, v]) => a + Number(v.count), 0)
      : 0;
    const warmFailed = warm ? warm.errors + warm.timeouts + warm.non2xx : 0;
    const alive = server.exitCode === null;

    const status = result.statusCodeStats ?? {};
    const count = (pred: (code: number) => boolean) =>
      Object.entries(status)
        .filter(([c]) => pred(Number(c)))
        .reduce((a, [, v]) => a + Number(v.count), 0);
    const served = count(() => true);
    const s5xx = count((c) => c >= 500);
    const s4xx = count((c) => c >= 400 && c < 500);
    const first = rss.filter((x) => x.t <= 10).map((x) => x.kb);
    const last = rss.filter((x) => x.t > duration - 10).map((x) => x.kb);
    const growth = (avg(last) / avg(first) - 1) * 100;
    const lat = result.latency;
    const checks = {
      'zero 5xx': s5xx === 0 && warm5xx === 0,
      'zero failed requests (errors, timeouts, non-2xx)':
        result.errors === 0 && result.timeouts === 0 && result.non2xx === 0 && warmFailed === 0,
      'server RSS growth < 20 % (first vs last 10 s)': growth < 20,
      'server process alive': alive,
    };
    const pass = Object.values(checks).every(Boolean);
    const lines = [
      `warm-up: ${warmup} s, ${warm ? warm.requests.total : 0} requests, ${warm5xx} 5xx, ${warmFailed} failed; server RSS after it ${(warmRss / 1024).toFixed(0)} MB`,
      `requests served: ${served} (${(served / result.duration).toFixed(0)}/s), 2xx ${count((c) => c >= 200 && c < 300)}, 4xx ${s4xx}, 5xx ${s5xx}`,
      `failed: ${result.errors} errors (${result.timeouts} timeouts), ${result.non2xx} non-2xx`,
      `latency ms: p50 ${lat.p50}, p90 ${lat.p90}, p99 ${lat.p99}, max ${lat.max}, mean ${Number(lat.average).toFixed(1)}`,
      `server RSS: first 10 s ${(avg(first) / 1024).toFixed(0)} MB, last 10 s ${(avg(last) / 1024).toFixed(0)} MB, growth ${growth.toFixed(1)} %`,
      `server RSS by 10 s window (MB): ${rssWindows(rss, duration).join(' ')}`,
      `sent by kind: ${JSON.stringify(sent)}`,
      ...(dropped.length ? [`left out of the mix after the initial check (not 200): ${dropped.join('; ')}`] : []),
      `answers ≥ 400 by kind (saved queries by name), status and error code (warm-up included): ${failures.text() || 'none'}`,
      ...Object.entries(checks).map(([k, v]) => `${v ? 'PASS' : 'FAIL'} ${k}`),
    ];
    console.log(lines.join('\n'));
    if (record) {
      recordSection(
        graph,
        renderSection({
          graph,
          warmup,
          warmRequests: warm ? warm.requests.total : 0,
          warm5xx,
          warmFailed,
          duration,
          connections,
          seed,
          load0,
          load1: loadavg()
            .map((x) => x.toFixed(2))
            .join(' '),
          sizes,
          sent,
          failures: failures.text(),
          dropped,
          served,
          s4xx,
          s5xx,
          result,
          growth,
          first,
          last,
          checks,
          pass,
        }),
      );
      console.log(`load: recorded in ${RESULTS}`);
    }
    return pass ? 0 : 1;
  } finally {
    if (server && server.exitCode === null) {
      server.kill('SIGTERM');
      await new Promise((r) => server!.once('exit', r));
    }
    await db.dispose();
  }
}

interface LoadDb {
  uri: string;
  password: string;
  database: string;
  dispose(): Promise<void>;
}

/** A throw-away managed Neo4j (production configuration) with the Belgorod graph. */
async function seededDb(): Promise<LoadDb> {
  const home = mkdtempSync(join(tmpdir(), 'newsgraph-load-neo4j-'));
  const handle = await startManaged({
    home,
    port: await freePort(),
    heap: '1g',
    pagecache: '512m',
    javaHome: loadEnv().JAVA_HOME,
    reuse: false,
    log: () => {},
  });
  const dispose = async () => {
    await handle.stop(30_000);
    rmSync(home, { recursive: true, force: true });
  };
  try {
    const uri = handle.info.uri!;
    const password = handle.info.password!;
    const driver = neo4j.driver(uri, neo4j.auth.basic('neo4j', password));
    await seedDatabase(driver, 'neo4j', { reset: true }).finally(() => driver.close());
    return { uri, password, database: 'neo4j', dispose };
  } catch (e) {
    await dispose();
    throw e;
  }
}

/** The generated graph of `relationships`, imported offline (a few minutes at 1M). */
async function importedDb(relationships: number): Promise<LoadDb> {
  const inst = await importedGraph(relationships, 7, { pagecache: '2g', log: (l) => console.log(`load: ${l}`) });
  // Neo4j's logs outlive the throw-away store: a 5xx under load is explained by them.
  const keepLogs = () => {
    const to = join(ROOT, 'bench', 'tmp', `load-${relationships}-neo4j-logs`);
    rmSync(to, { recursive: true, force: true });
    cpSync(join(inst.home, 'logs'), to, { recursive: true });
    console.log(`load: Neo4j's logs copied to ${to}`);
  };
  const dispose = async () => {
    try {
      keepLogs();
    } catch (e) {
      console.log(`load: could not copy Neo4j's logs (${(e as Error).message})`);
    }
    await inst.dispose();
  };
  return { uri: inst.uri, password: inst.password, database: inst.database, dispose };
}

if (process.argv.includes('--serve')) {
  await serve();
} else {
  main().then(
    (code) => process.exit(code),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
