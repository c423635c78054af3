/**
 * One loading run, in its own process (so "peak heap" is the loader's): generate the dataset,
 * then load it exactly as seedDatabase does into an empty database (applySchema, then the batched
 * loader: one transaction per batch, verification, finishing) — without the article-text check,
 * which needs the real articles. With strategy 'merge': the one-transaction MERGE path instead.
 * Then the per-row baseline: `perRow` relationships the data does not hold, one transaction each,
 * with the loader's own relationship statement.
 *
 * The dataset is streamed (bench/generate.ts streamSeedData): nodes and claims in memory, MENTIONS
 * and typed relationships replayed from the seed as the loader pulls them, so the input does not
 * grow the heap by a copy of every relationship. Needs `node --expose-gc`: the loader's heap is
 * sampled right after a forced full GC (see liveSample).
 */
import { PerformanceObserver } from 'node:perf_hooks';
import neo4j from 'neo4j-driver';
import { applySchema, DEFAULT_BATCH, writeAndCount, type WriteOptions } from '../../src/dataset/load';
import { LOAD_APP, loadBatched, seedBatches } from '../../src/dataset/batched';
import { provenance, type LoadCounts } from '../../src/dataset/rows';
import type { Relationship } from '../../src/dataset/schema';
import { SCHEMA_CYPHER } from '../../src/runtime/paths';
import { streamedRows, streamSeedData } from '../generate';
import { childIo } from '../lib/child';
import { cpuSeconds } from '../lib/cpu';

export interface LoadChildInput {
  uri: string;
  password: string;
  database: string;
  relationships: number;
  seed: number;
  perRow: number;
  /** The Neo4j JVM, for its CPU time (read from /proc). */
  neo4jPid: number | null;
  /** The loader's strategy: 'auto' (what seedDatabase does) or 'merge' (the MERGE-only baseline). */
  strategy?: WriteOptions['strategy'];
}

export interface LoadChildResult {
  generateMs: number;
  schemaMs: number;
  writeMs: number;
  countsMs: number;
  commitMs: number;
  /** schema + write + counts + commit: what seedDatabase spends after validation. */
  totalMs: number;
  relationships: number;
  nodes: number;
  loadedRelationships: number;
  loadedNodes: number;
  /** 'create': the batched loader on the fresh database; 'merge': the one-transaction MERGE path, forced. */
  mode: 'create' | 'merge';
  /** Used heap right after a forced full GC once the dataset is generated (the input's live size). */
  liveAfterGenerate: number;
  /** Peak of the used heap sampled right after forced full GCs during the load (live objects only). */
  peakLiveHeap: number;
  /** Forced GCs during the load and their wall time (excluded from the load's times). */
  gcCount: number;
  gcMs: number;
  /**
   * Without GC (sampled every 10 ms, garbage included): used heap right after generating, and its
   * peak during the load (from liveAfterGenerate on: the generator's garbage is not the loader's).
   */
  heapAfterGenerate: number;
  peakHeap: number;
  maxRssBytes: number;
  /** CPU seconds of this process during schema + write + counts + commit. */
  loaderCpuS: number;
  /** Peak of Neo4j's estimate of the load transaction's heap (sampled every 0.5 s before commit). */
  txPeakBytes: number;
  /** Time per statement shape inside writeMs (statements run one after another). */
  profile: Array<{ kind: string; ms: number; calls: number; rows: number }>;
  /** CPU seconds of the Neo4j JVM over the same interval. */
  neo4jCpuS: number;
  perRow: { rows: number; ms: number; medianTxMs: number; neo4jCpuS: number; clientCpuS: number } | null;
}

const { input, done } = childIo<LoadChildInput>();
const COUNTS_KIND = 'datasetCounts (merge mode only)';

// Peak heap: sampled every 10 ms and after every GC (the event loop is mostly idle, waiting on Bolt).
let peakHeap = 0;
const sample = () => {
  const h = process.memoryUsage().heapUsed;
  if (h > peakHeap) peakHeap = h;
};
const timer = setInterval(sample, 10);
const gcObs = new PerformanceObserver(sample);
gcObs.observe({ entryTypes: ['gc'] });

// Live heap: V8's used heap right after a forced full GC. Without it the used heap is mostly
// garbage V8 has not collected yet (at 1M: 418 MB "peak" for ~46 MB kept alive). A full GC costs
// ~0.1–2 s on a large heap. It runs from a timer, so it lands while the loader waits on Neo4j
// with a batch in flight (its rows, their copy for the driver, the other end labels' open
// batches: all alive; between batches the finished one is already dead): every second for the
// first GC_FIRST samples, then at most every GC_EVERY_MS and ≤ ~2 % of the time (50× the last
// GC's duration apart). Its CPU time is kept out of the loader's; its wall time is reported.
const GC_FIRST = 20;
const GC_EVERY_MS = 10_000;
let lastGcMs = 0;
const forceGc = (globalThis as { gc?: () => void }).gc;
if (!forceGc) throw new Error('load-child.ts needs node --expose-gc (the live-heap samples force a GC)');
let peakLiveHeap = 0;
let gcCount = 0;
let gcMs = 0;
let gcCpuS = 0;
let lastGc = performance.now();
const liveSample = (): number => {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  forceGc();
  const h = process.memoryUsage().heapUsed;
  lastGc = performance.now();
  lastGcMs = lastGc - t0;
  gcMs += lastGcMs;
  const c = process.cpuUsage(c0);
  gcCpuS += (c.user + c.system) / 1e6;
  gcCount++;
  if (h > peakLiveHeap) peakLiveHeap = h;
  return h;
};

const log = (s: string) => process.stderr.write(`  [load ${input.relationships}] ${s}\n`);

let t = performance.now();
const g = streamSeedData({ relationships: input.relationships, seed: input.seed, extra: input.perRow });
const generateMs = performance.now() - t;
sample();
const heapAfterGenerate = process.memoryUsage().heapUsed;
peakHeap = heapAfterGenerate;
const liveAfterGenerate = liveSample();
// The load's peak starts from the live input: from heapAfterGenerate (the generator's garbage
// included, 2.9 GB at 10M against 1.5 GB live) the load never got above it, and read as 0 MB.
peakHeap = liveAfterGenerate;
gcCount = 0;
gcMs = 0;
gcCpuS = 0;
const liveTimer = setInterval(() => {
  if (gcCount < GC_FIRST || performance.now() - lastGc >= Math.max(GC_EVERY_MS, 50 * lastGcMs)) liveSample();
}, 1_000);
log(
  `generated ${g.counts.relationships.total} relationships, ${g.counts.nodes} nodes in ${(generateMs / 1000).toFixed(1)} s`,
);

const driver = neo4j.driver(input.uri, neo4j.auth.basic('neo4j', input.password), { maxTransactionRetryTime: 2_000 });
const database = input.database;

const cpu0 = process.cpuUsage();
const jvm0 = cpuSeconds(input.neo4jPid);
t = performance.now();
await applySchema(driver, database, SCHEMA_CYPHER);
const schemaMs = performance.now() - t;

// Neo4j's own estimate of the load transactions' memory, polled every 0.5 s (the largest open
// one: what db.memory.transaction.max would have to allow; the managed default is 256 MiB).
let txPeakBytes = 0;
let polling = true;
const poller = (async () => {
  while (polling) {
    try {
      const r = await driver.executeQuery(
        'SHOW TRANSACTIONS YIELD estimatedUsedHeapMemory AS m, metaData WHERE metaData.app = $app RETURN max(m) AS m',
        { app: LOAD_APP },
        { database },
      );
      const m = Number(r.records[0]?.get('m') ?? 0);
      if (m > txPeakBytes) txPeakBytes = m;
    } catch {
      /* keep polling */
    }
    await new Promise((res) => setTimeout(res, 500));
  }
})();

// Profile: time per statement shape (statements run one after another), so the report can say
// where the load goes; what is left of writeMs is the loader's own JavaScript.
const profile = new Map<string, { ms: number; calls: number; rows: number }>();
const record = (q: string, rows: number, ms: number) => {
  const key = statementKind(q);
  const e = profile.get(key) ?? { ms: 0, calls: 0, rows: 0 };
  e.ms += ms;
  e.calls++;
  e.rows += rows;
  profile.set(key, e);
};
t = performance.now();
let counts: LoadCounts;
let mode: 'create' | 'merge';
let writeMs: number;
let commitMs: number;
if ((input.strategy ?? 'auto') === 'auto') {
  // What seedDatabase runs into an empty database: the batched loader (commitMs = verify + finish).
  let batchMs = 0;
  counts = await loadBatched(driver, database, seedBatches(streamedRows(g.data), DEFAULT_BATCH), {
    mode: 'create',
    timeoutMs: 3_600_000,
    onBatch: (b) => {
      batchMs += b.ms;
      record(b.cypher, b.rows, b.ms);
    },
  });
  mode = 'create';
  const all = performance.now() - t;
  writeMs = batchMs;
  commitMs = all - batchMs;
  polling = false;
  await poller;
} else {
  const session = driver.session({ database });
  const tx = session.beginTransaction({ timeout: 3_600_000, metadata: { app: LOAD_APP } });
  const origRun = tx.run.bind(tx);
  (tx as unknown as { run: (q: string, p?: Record<string, unknown>) => unknown }).run = (
    q: string,
    p?: Record<string, unknown>,
  ) => {
    const t1 = performance.now();
    const res = origRun(q, p);
    void res.summary().then(
      () => record(q, Array.isArray(p?.rows) ? p.rows.length : 0, performance.now() - t1),
      () => {},
    );
    return res;
  };
  // The MERGE path takes arrays (it runs at ≤ 100k relationships only).
  const data = { ...g.data, relationships: [...g.data.relationships], mentions: [...g.data.mentions] };
  const w = await writeAndCount(tx, data, { reset: false, strategy: 'merge' });
  await new Promise((res) => setImmediate(res)); // let the profile's summary callbacks run
  counts = w.counts;
  mode = w.mode;
  writeMs = performance.now() - t - (profile.get(COUNTS_KIND)?.ms ?? 0);
  log(`written (${mode} mode) in ${(writeMs / 1000).toFixed(1)} s; committing`);
  polling = false;
  await poller;
  const t2 = performance.now();
  await tx.commit();
  commitMs = performance.now() - t2;
  await session.close();
}
const countsMs = profile.get(COUNTS_KIND)?.ms ?? 0;
const cpu1 = process.cpuUsage(cpu0);
const jvm1 = cpuSeconds(input.neo4jPid);
sample();
clearInterval(liveTimer);
const loadGc = { count: gcCount, ms: gcMs, cpuS: gcCpuS };
// After the load (outside its timings and GC counts): what it left alive once finished.
liveSample();
clearInterval(timer);
gcObs.disconnect();
const loadedRelationships = Object.values(counts.relationships).reduce((a, b) => a + b, 0);
const loadedNodes = (counts.nodes.Article ?? 0) + (counts.nodes.Entity ?? 0) + (counts.nodes.Claim ?? 0);
log(`committed: ${loadedRelationships} relationships, ${loadedNodes} nodes`);

/** "CREATE :Entity nodes", "MERGE :MENTIONS", "CREATE Article→Entity relationships", … */
function statementKind(q: string): string {
  const one = q.replace(/\s+/g, ' ').trim();
  if (/^MATCH \(n:[\w|]+\) WHERE n\.dataset/.test(one)) return COUNTS_KIND;
  if (/^CALL (\(\) )?\{ MATCH/.test(one)) return 'check: are our labels empty?';
  const created = /^UNWIND \$rows AS row CREATE \(n:(\w+):NewsgraphLoading\)/.exec(one);
  if (created) return `CREATE :${created[1]} nodes`;
  const node = /(CREATE|MERGE) \(n:(\w+)/.exec(one);
  if (node) return `${node[1]} :${node[2]} nodes`;
  const ends = /MATCH \(a:(\w+) \{id: row\.from\}\),? (?:MATCH )?\(b:(\w+) /.exec(one);
  const rel = /(MERGE|CREATE) \(a\)-\[r:([\w$().]+)\]/.exec(one);
  if (ends && rel) {
    // Batches have one type each; the profile still sums them per pair of end labels, MENTIONS apart.
    if (rel[2]!.startsWith('$') || (rel[1] === 'CREATE' && rel[2] !== 'MENTIONS'))
      return ends[1] === 'NewsgraphLoading'
        ? 'CREATE relationships (every type but MENTIONS)'
        : `CREATE ${ends[1]}→${ends[2]} relationships (all types)`;
    if (rel[1] === 'CREATE') return `CREATE :${rel[2]}`;
    return ends[1] === 'Entity' && ends[2] === 'Entity' ? 'MERGE typed entity relationships' : `MERGE :${rel[2]}`;
  }
  return one.slice(0, 40);
}

/** A relationship's properties as the loader writes them, for single rows. */
function relProps(r: Relationship, outletOf: Map<string, string>): Record<string, unknown> {
  return { ...r.properties, ...provenance(r.evidence, (a) => outletOf.get(a) ?? a) };
}

let perRow: LoadChildResult['perRow'] = null;
if (input.perRow > 0) {
  const outletOf = new Map(g.data.articles.map((a) => [a.id, a.outlet]));
  const times: number[] = [];
  const s = driver.session({ database });
  const c0 = process.cpuUsage();
  const j0 = cpuSeconds(input.neo4jPid);
  const t0 = performance.now();
  try {
    for (const r of g.extra.slice(0, input.perRow)) {
      const t1 = performance.now();
      // The statement writeSeed runs for entity relationships, with a one-row batch.
      await s.executeWrite((w) =>
        w.run(
          `UNWIND $rows AS row MATCH (a:Entity {id: row.from}), (b:Entity {id: row.to})
           MERGE (a)-[r:${r.type}]->(b) SET r = row.props`,
          { rows: [{ from: r.from, to: r.to, props: relProps(r, outletOf) }], dataset: 'belgorod' },
        ),
      );
      times.push(performance.now() - t1);
    }
  } finally {
    await s.close();
  }
  times.sort((a, b) => a - b);
  const c1 = process.cpuUsage(c0);
  perRow = {
    rows: times.length,
    ms: performance.now() - t0,
    medianTxMs: times[Math.floor(times.length / 2)] ?? 0,
    neo4jCpuS: cpuSeconds(input.neo4jPid) - j0,
    clientCpuS: (c1.user + c1.system) / 1e6,
  };
  log(`per-row baseline: ${times.length} transactions in ${(perRow.ms / 1000).toFixed(1)} s`);
}
await driver.close();

const result: LoadChildResult = {
  generateMs,
  schemaMs,
  writeMs,
  countsMs,
  commitMs,
  totalMs: schemaMs + writeMs + countsMs + commitMs,
  relationships: g.counts.relationships.total,
  nodes: g.counts.nodes,
  loadedRelationships,
  loadedNodes,
  mode,
  liveAfterGenerate,
  peakLiveHeap,
  gcCount: loadGc.count,
  gcMs: loadGc.ms,
  heapAfterGenerate,
  peakHeap,
  maxRssBytes: process.resourceUsage().maxRSS * 1024,
  loaderCpuS: (cpu1.user + cpu1.system) / 1e6 - loadGc.cpuS,
  neo4jCpuS: jvm1 - jvm0,
  txPeakBytes,
  profile: [...profile.entries()].map(([kind, e]) => ({ kind, ...e })).sort((a, b) => b.ms - a.ms),
  perRow,
};
done(result);
process.exit(0);
