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
 * --seed N, --no-record.
 * Exit code 1 when a criterion fails.
 */
import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import neo4j from 'neo4j-driver';
import { seedDatabase } from '../src/dataset/index';
import { loadEnv, processEnv } from '../src/runtime/config';
import { startManaged } from '../src/runtime/managed/instance';
import { freePort } from '../src/runtime/managed/ports';
import { ROOT } from '../src/runtime/paths';
import { startServer } from '../src/server/http/server';

const SELF = fileURLToPath(import.meta.url);
const RESULTS = join(ROOT, 'bench', 'RESULTS.md');
const START = '<!-- load:start -->';
const END = '<!-- load:end -->';

function arg(name: string, dflt: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : dflt;
}

// ------------------------------------------------------------------ server process (--serve)
async function serve(): Promise<void> {
  const env = loadEnv(processEnv({ HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'silent', NEWSGRAPH_TOKEN: '' }));
  const target = {
    uri: env.NEO4J_URI!,
    username: env.NEO4J_USERNAME,
    password: env.NEO4J_PASSWORD ?? '',
    database: env.NEO4J_DATABASE,
  };
  const server = await startServer({ env, target, webRoot: null, logger: false });
  process.stdout.write(`READY ${server.url}\n`);
  const stop = () => void server.close().finally(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

// ------------------------------------------------------------------ the request mix
interface Req {
  kind: 'search' | 'node' | 'expand' | 'paths' | 'saved';
  method: 'GET' | 'POST';
  path: string;
  body?: string;
}

const WEIGHTS: Record<Req['kind'], number> = { search: 30, node: 25, expand: 20, paths: 10, saved: 15 };

/** Deterministic PRNG (mulberry32), so a run's mix is reproducible with --seed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function buildMix(
  uri: string,
  password: string,
  base: string,
  rand: () => number,
): Promise<Record<Req['kind'], Req[]>> {
  const driver = neo4j.driver(uri, neo4j.auth.basic('neo4j', password));
  const ents = await driver
    .executeQuery(
      'MATCH (e:Entity) RETURN e.id AS id, e.name AS name, elementId(e) AS eid ORDER BY e.id',
      {},
      { database: 'neo4j' },
    )
    .finally(() => driver.close());
  const entities = ents.records.map((r) => ({
    id: r.get('id') as string,
    name: r.get('name') as string,
    eid: r.get('eid') as string,
  }));
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;
  const enc = encodeURIComponent;
  const mix: Record<Req['kind'], Req[]> = { search: [], node: [], expand: [], paths: [], saved: [] };
  for (const e of entities) {
    const word = e.name.split(/\s+/).sort((a, b) => b.length - a.length)[0] ?? e.name;
    const typo = word.length > 5 ? word.slice(0, 2) + word.slice(3) : word;
    for (const q of new Set([e.name, word.slice(0, 5), typo]))
      mix.search.push({ kind: 'search', method: 'GET', path: `/api/search?q=${enc(q)}&limit=20` });
    mix.node.push({ kind: 'node', method: 'GET', path: `/api/nodes/${enc(rand() < 0.5 ? e.id : e.eid)}` });
    mix.expand.push({
      kind: 'expand',
      method: 'GET',
      path: `/api/nodes/${enc(e.id)}/neighbours?limit=${pick([25, 50, 100])}`,
    });
  }
  for (let i = 0; i < 200; i++) {
    const [a, b] = [pick(entities), pick(entities)];
    if (a.id !== b.id)
      mix.paths.push({
        kind: 'paths',
        method: 'GET',
        path: `/api/paths?from=${enc(a.id)}&to=${enc(b.id)}&maxHops=4&exclude=MENTIONS`,
      });
  }
  const list = (await (await fetch(`${base}/api/queries`)).json()) as {
    queries: Array<{
      name: string;
      params: Array<{ name: string; type: string; default?: unknown; required: boolean }>;
    }>;
  };
  for (const q of list.queries) {
    // Defaults for everything optional; an entity for required entity parameters.
    for (let v = 0; v < 3; v++) {
      const params: Record<string, unknown> = {};
      let ok = true;
      for (const p of q.params) {
        if (!p.required) continue;
        if (p.type === 'entity') params[p.name] = pick(entities).id;
        else ok = false;
      }
      if (ok)
        mix.saved.push({
          kind: 'saved',
          method: 'POST',
          path: `/api/queries/${enc(q.name)}/run`,
          body: JSON.stringify({ params }),
        });
    }
  }
  return mix;
}

/** Every request of the mix once, before the run: the mix must be valid (all 2xx) to mean anything. */
async function checkMix(base: string, mix: Record<Req['kind'], Req[]>): Promise<string[]> {
  const bad: string[] = [];
  for (const list of Object.values(mix)) {
    for (let i = 0; i < list.length; i++) {
      const r = list[i]!;
      const res = await fetch(base + r.path, {
        method: r.method,
        body: r.body,
        headers: r.body ? { 'content-type': 'application/json' } : {},
      });
      const text = await res.text();
      if (res.status >= 500) throw new Error(`warm-up: ${r.method} ${r.path} → ${res.status} ${text.slice(0, 200)}`);
      if (res.status !== 200) {
        // A request that is wrong by construction (e.g. a saved query needing a value we cannot
        // invent) leaves the mix, and is reported.
        bad.push(`${r.method} ${r.path} → ${res.status} ${text.slice(0, 120)}`);
        list.splice(i--, 1);
      }
    }
  }
  return bad;
}

// ------------------------------------------------------------------ measurement helpers
function rssKb(pid: number): number {
  const m = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) : NaN;
}

const avg = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);

/** Mean RSS (MB) of each 10 s window of the run. */
function rssWindows(rss: Array<{ t: number; kb: number }>, duration: number): string[] {
  const out: string[] = [];
  for (let w = 0; w < duration; w += 10)
    out.push((avg(rss.filter((x) => x.t > w && x.t <= w + 10).map((x) => x.kb)) / 1024).toFixed(0));
  return out;
}

function waitReady(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    const t = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 120_000);
    child.stdout!.on('data', (b: Buffer) => {
      out += b.toString();
      const m = /READY (\S+)/.exec(out);
      if (m) {
        clearTimeout(t);
        resolve(m[1]!);
      }
    });
    child.stderr!.on('data', (b: Buffer) => (out += b.toString()));
    child.once('exit', (code) => reject(new Error(`server exited (${code}):\n${out}`)));
  });
}

/** The parts of autocannon's API used here (bench/types/autocannon.d.ts declares fewer). */
interface CannonRequest {
  method?: string;
  path?: string;
  body?: string;
  headers?: Record<string, string>;
}
interface CannonResult {
  requests: { total: number; average: number };
  latency: Record<string, number>;
  errors: number;
  timeouts: number;
  non2xx: number;
  duration: number;
  statusCodeStats: Record<string, { count: number }>;
}
type Cannon = (
  opts: Record<string, unknown>,
) => PromiseLike<CannonResult> & { on(e: string, cb: (...a: unknown[]) => void): void };

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
  const home = mkdtempSync(join(tmpdir(), 'newsgraph-load-neo4j-'));
  let server: ChildProcess | null = null;
  const handle = await startManaged({
    home,
    port: await freePort(),
    heap: '1g',
    pagecache: '512m',
    javaHome: loadEnv().JAVA_HOME,
    reuse: false,
    log: () => {},
  });
  try {
    const uri = handle.info.uri!;
    const password = handle.info.password!;
    const driver = neo4j.driver(uri, neo4j.auth.basic('neo4j', password));
    await seedDatabase(driver, 'neo4j', { reset: true }).finally(() => driver.close());

    server = spawn(process.execPath, ['--import', 'tsx', SELF, '--serve'], {
      cwd: ROOT,
      env: processEnv({ NEO4J_URI: uri, NEO4J_USERNAME: 'neo4j', NEO4J_PASSWORD: password, NEO4J_DATABASE: 'neo4j' }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const base = await waitReady(server);
    if (new URL(base).hostname !== '127.0.0.1') throw new Error(`refusing to load anything but 127.0.0.1 (${base})`);
    const rand = prng(seed);
    const mix = await buildMix(uri, password, base, rand);
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
            setupRequest: (req: CannonRequest) => {
              const r = next();
              req.method = r.method;
              req.path = r.path;
              req.body = r.body;
              req.headers = r.body ? { 'content-type': 'application/json' } : {};
              return req;
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
      ...Object.entries(checks).map(([k, v]) => `${v ? 'PASS' : 'FAIL'} ${k}`),
    ];
    console.log(lines.join('\n'));
    if (record) {
      recordSection(
        renderSection({
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
    await handle.stop(30_000);
    rmSync(home, { recursive: true, force: true });
  }
}

interface SectionData {
  warmup: number;
  warmRequests: number;
  warm5xx: number;
  warmFailed: number;
  duration: number;
  connections: number;
  seed: number;
  load0: string;
  load1: string;
  sizes: Record<string, number>;
  sent: Record<string, number>;
  dropped: string[];
  served: number;
  s4xx: number;
  s5xx: number;
  result: CannonResult;
  growth: number;
  first: number[];
  last: number[];
  checks: Record<string, boolean>;
  pass: boolean;
}

function renderSection(d: SectionData): string {
  const lat = d.result.latency;
  const mb = (xs: number[]) => `${(avg(xs) / 1024).toFixed(0)} MB`;
  return [
    START,
    '## Load',
    '',
    `\`npm run bench:load\` — ${new Date().toISOString()}: ${d.connections} concurrent clients for ${d.duration} s (autocannon, 127.0.0.1 only) against`,
    'the API server (startServer, own process) on a throw-away managed Neo4j 5.26 with the Belgorod graph (production',
    `configuration). Mix by weight: search 30 (full names, prefixes, misspellings), node detail 25, expansion 20, paths 10, saved queries 15;`,
    `request pool ${JSON.stringify(d.sizes)}, seed ${d.seed}. Machine: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${Math.round(totalmem() / 2 ** 30)} GiB,`,
    `Node ${process.version}; load average before ${d.load0}, after ${d.load1} (the machine is shared: other work was running).`,
    '',
    '| figure | value |',
    '| --- | ---: |',
    `| warm-up (same clients and mix, before the measured run) | ${d.warmup} s, ${d.warmRequests} requests, ${d.warm5xx} 5xx, ${d.warmFailed} failed |`,
    `| requests served | ${d.served} (${(d.served / d.result.duration).toFixed(0)}/s) |`,
    `| 5xx | ${d.s5xx} |`,
    `| failed (connection errors / timeouts / non-2xx) | ${d.result.errors} / ${d.result.timeouts} / ${d.result.non2xx} |`,
    `| latency p50 / p90 / p99 / max | ${lat.p50} / ${lat.p90} / ${lat.p99} / ${lat.max} ms |`,
    `| server RSS first 10 s → last 10 s of the measured run | ${mb(d.first)} → ${mb(d.last)} (${d.growth >= 0 ? '+' : ''}${d.growth.toFixed(1)} %) |`,
    `| sent by kind | ${Object.entries(d.sent)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')} |`,
    '',
    ...Object.entries(d.checks).map(([k, v]) => `- ${v ? '✅' : '❌'} ${k}`),
    ...(d.dropped.length ? ['', `Left out of the mix after the initial check (not 200): ${d.dropped.join('; ')}`] : []),
    '',
    `Result: **${d.pass ? 'PASS' : 'FAIL'}**.`,
    END,
  ].join('\n');
}

/** Replaces this script's section of bench/RESULTS.md (or appends it); the rest stays as it is. */
function recordSection(section: string): void {
  const text = existsSync(RESULTS) ? readFileSync(RESULTS, 'utf8') : '# Benchmark results\n';
  const i = text.indexOf(START);
  const j = text.indexOf(END);
  const next =
    i >= 0 && j > i
      ? `${text.slice(0, i)}${section}${text.slice(j + END.length)}`
      : `${text.trimEnd()}\n\n${section}\n`;
  writeFileSync(RESULTS, next);
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
