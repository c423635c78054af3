/**
 * Loading benchmark. Per scale:
 *  - the loader (load-child.ts: generate, then applySchema + the batched loader, as seedDatabase
 *    does into an empty database) on a fresh bench instance, `runs` times;
 *  - the per-row baseline inside the same runs (same statement, one transaction per row);
 *  - `neo4j-admin database import full` on the same data as CSV into a fresh, stopped instance
 *    folder (the offline ceiling), then the schema build on the imported store.
 * Store size is measured on the stopped instance (store files; transaction logs apart).
 */
import { rmSync, statfsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, SCHEMA_CYPHER } from '../../src/runtime/paths';
import { applySchema } from '../../src/dataset/load';
import { runChild } from '../lib/child';
import { loadPerCore } from '../lib/cpu';
import { newBenchHome, startBenchNeo4j, storeSize, type BenchNeo4j } from '../lib/instance';
import { mb, median } from '../lib/stats';
import { runAdminImport } from '../../src/runtime/managed/admin-import';
import { cpuSeconds } from '../lib/cpu';
import type { LoadChildInput, LoadChildResult } from './load-child';
import type { ImportFigures, LoaderFigures, MergeBaseline, PerRowFigures } from './figures';

export type { ImportFigures, LoaderFigures, MergeBaseline, PerRowFigures } from './figures';

export interface LoadPlan {
  scales: number[];
  runs: (n: number) => number;
  perRow: (n: number) => number;
  importRuns: (n: number) => number;
  /**
   * Extra runs of the loader forced onto its MERGE path (what it did before create mode, and
   * what a re-seed over existing data costs): the same-run baseline for the create path.
   * Default: one run at 10k–100k relationships, none elsewhere.
   */
  mergeRuns?: (n: number) => number;
  /** Neo4j heap for the loader's instance at that scale (one transaction holds everything). */
  heap: (n: number) => string;
  seed: number;
  /** Keep the instance of the last run of the last scale running, for the API benchmark. */
  keepLast: boolean;
  /**
   * Start Neo4j on the imported store to count what it holds and time the schema build (full
   * mode). Without it (quick mode) the importer's own counts are checked instead.
   */
  verifyImport: boolean;
  /**
   * Quick mode: overlap the offline import with the loader runs, and keep the last loader
   * instance running for the API part without the stop/restart that measures its store exactly.
   */
  overlap: boolean;
  log: (l: string) => void;
}

export interface ScaleResult {
  relationships: number;
  nodes: number;
  loader: LoaderFigures;
  perRow: PerRowFigures | null;
  import: ImportFigures | { error: string };
}

export interface LoadResults {
  scales: ScaleResult[];
  kept: BenchNeo4j | null;
}

const int = (x: number) => x.toLocaleString('en-US');
const LOAD_CHILD = join(ROOT, 'bench', 'loading', 'load-child.ts');
const CSV_CHILD = join(ROOT, 'bench', 'loading', 'csv-child.ts');
// The load child forces full GCs to sample its live heap. The 12 GB cap only keeps V8 from
// failing a large run: the streamed input stays in memory as nodes and claims only (~130 MB
// live at 1M; see the report's "heap after generating").
const CHILD_NODE_ARGS = ['--expose-gc', '--max-old-space-size=12288'];
/**
 * Disk a scale needs at once, bytes per relationship (1M run, 2026-12): the import's CSV (231 B) and
 * store (624 B) exist together; then the loader's store (635 B) and transaction logs (1,048 B).
 */
const DISK_PER_REL = 1_800;
/**
 * The loader's Neo4j page cache: 1g up to 1M relationships (the 635 MB store fits), then enough for
 * the store (~800 B per relationship: 8g at 10M), so a large load measures writes, not page faults.
 */
const pagecacheFor = (n: number): string => `${Math.max(1, Math.ceil((n * 800) / 2 ** 30))}g`;

async function loaderRuns(
  n: number,
  plan: LoadPlan,
  keep: boolean,
): Promise<{
  figures: LoaderFigures;
  perRow: PerRowFigures | null;
  nodes: number;
  rels: number;
  kept: BenchNeo4j | null;
}> {
  const samples: Array<LoadChildResult & { storeMB: number; txLogMB: number; load: number }> = [];
  let kept: BenchNeo4j | null = null;
  const runs = plan.runs(n);
  for (let r = 0; r < runs; r++) {
    const inst = await startBenchNeo4j({ heap: plan.heap(n), pagecache: pagecacheFor(n) });
    const home = inst.home;
    try {
      const input: LoadChildInput = {
        uri: inst.uri,
        password: inst.password,
        database: inst.database,
        relationships: n,
        seed: plan.seed,
        perRow: plan.perRow(n),
        neo4jPid: inst.handle.info.pid,
      };
      const res = await runChild<LoadChildResult>(LOAD_CHILD, input, {
        nodeArgs: CHILD_NODE_ARGS,
        onLine: plan.log,
      });
      const load = loadPerCore();
      if (res.loadedRelationships !== res.relationships)
        throw new Error(`loaded ${res.loadedRelationships} relationships, generated ${res.relationships}`);
      // Store size on the stopped server (a clean shutdown flushes everything to the store files;
      // db.checkpoint() is Enterprise-only). Overlap mode keeps the last one running (approximate size).
      const keepRunning = keep && r === runs - 1 && plan.overlap;
      if (!keepRunning) await inst.stop();
      const size = storeSize(home);
      samples.push({ ...res, storeMB: mb(size.store), txLogMB: mb(size.txLogs), load });
      plan.log(
        `load: ${n.toLocaleString('en-US')} run ${r + 1}/${runs}: ${Math.round(res.relationships / (res.totalMs / 1000)).toLocaleString('en-US')} rels/s ` +
          `(${(res.totalMs / 1000).toFixed(1)} s, verify + finish ${(res.commitMs / 1000).toFixed(1)} s), store ${mb(size.store).toFixed(0)} MB, ` +
          `tx memory peak ${mb(res.txPeakBytes).toFixed(0)} MB, loader's own live heap ${mb(res.peakLiveHeap - res.liveAfterGenerate).toFixed(0)} MB ` +
          `(${res.gcCount} forced GCs, ${(res.gcMs / 1000).toFixed(1)} s; without GC ${mb(res.peakHeap - res.liveAfterGenerate).toFixed(0)} MB), RSS ${mb(res.maxRssBytes).toFixed(0)} MB`,
      );
      // The API benchmark runs on this graph: restart the server on the same folder.
      if (keepRunning) kept = inst;
      else if (keep && r === runs - 1) kept = await startBenchNeo4j({ home, heap: '2g', pagecache: '2g' });
    } finally {
      if (!kept || kept.home !== home) {
        await inst.stop().catch(() => {});
        rmSync(home, { recursive: true, force: true });
      }
    }
  }
  // Same-run baseline: the MERGE path on its own fresh instance (no per-row sample there).
  const merged: LoadChildResult[] = [];
  const mergeRuns = (plan.mergeRuns ?? ((x: number) => (x >= 10_000 && x <= 100_000 ? 1 : 0)))(n);
  for (let r = 0; r < mergeRuns; r++) {
    const inst = await startBenchNeo4j({ heap: plan.heap(n), pagecache: pagecacheFor(n) });
    try {
      const input: LoadChildInput = {
        uri: inst.uri,
        password: inst.password,
        database: inst.database,
        relationships: n,
        seed: plan.seed,
        perRow: 0,
        neo4jPid: inst.handle.info.pid,
        strategy: 'merge',
      };
      const res = await runChild<LoadChildResult>(LOAD_CHILD, input, {
        nodeArgs: CHILD_NODE_ARGS,
        onLine: plan.log,
      });
      if (res.loadedRelationships !== res.relationships)
        throw new Error(
          `merge baseline loaded ${res.loadedRelationships} relationships, generated ${res.relationships}`,
        );
      merged.push(res);
      plan.log(
        `load: ${n.toLocaleString('en-US')} MERGE-path baseline run ${r + 1}/${mergeRuns}: ${Math.round(res.relationships / (res.totalMs / 1000)).toLocaleString('en-US')} rels/s`,
      );
    } finally {
      await inst.dispose().catch(() => {});
    }
  }
  const m = (f: (s: (typeof samples)[number]) => number) => median(samples.map(f));
  const mm = (f: (s: LoadChildResult) => number) => median(merged.map(f));
  const cpuRate = (s: LoadChildResult) => s.relationships / (s.neo4jCpuS + s.loaderCpuS);
  const mergeBaseline: MergeBaseline | null = merged.length
    ? {
        runs: merged.length,
        relsPerSec: mm((s) => s.relationships / (s.totalMs / 1000)),
        relsPerCpuSec: mm(cpuRate),
        totalMs: mm((s) => s.totalMs),
        commitMs: mm((s) => s.commitMs),
        neo4jCpuS: mm((s) => s.neo4jCpuS),
        loaderCpuS: mm((s) => s.loaderCpuS),
        speedup: m((s) => s.relationships / (s.totalMs / 1000)) / mm((s) => s.relationships / (s.totalMs / 1000)),
        speedupPerCpu: m(cpuRate) / mm(cpuRate),
        profile: merged[merged.length - 1]!.profile,
      }
    : null;
  const withRow = samples.filter((s) => s.perRow && s.perRow.rows > 0);
  return {
    nodes: samples[0]!.nodes,
    rels: samples[0]!.relationships,
    kept,
    figures: {
      runs: samples.length,
      relsPerSec: m((s) => s.relationships / (s.totalMs / 1000)),
      totalMs: m((s) => s.totalMs),
      schemaMs: m((s) => s.schemaMs),
      writeMs: m((s) => s.writeMs),
      countsMs: m((s) => s.countsMs),
      commitMs: m((s) => s.commitMs),
      relsPerCpuSec: m((s) => s.relationships / (s.neo4jCpuS + s.loaderCpuS)),
      neo4jCpuS: m((s) => s.neo4jCpuS),
      loaderCpuS: m((s) => s.loaderCpuS),
      txPeakMB: m((s) => mb(s.txPeakBytes)),
      liveAfterGenerateMB: m((s) => mb(s.liveAfterGenerate)),
      loaderHeapMB: m((s) => mb(s.peakLiveHeap - s.liveAfterGenerate)),
      gcCount: m((s) => s.gcCount),
      gcMs: m((s) => s.gcMs),
      heapAfterGenerateMB: m((s) => mb(s.heapAfterGenerate)),
      peakHeapMB: m((s) => mb(s.peakHeap)),
      loaderUsedHeapMB: m((s) => mb(s.peakHeap - s.liveAfterGenerate)),
      rssMB: m((s) => mb(s.maxRssBytes)),
      storeMB: m((s) => s.storeMB),
      txLogMB: m((s) => s.txLogMB),
      loadPerCore: m((s) => s.load),
      neo4jHeap: plan.heap(n),
      neo4jPagecache: pagecacheFor(n),
      profile: samples[samples.length - 1]!.profile,
      mode: samples[samples.length - 1]!.mode,
      mergeBaseline,
    },
    perRow: withRow.length
      ? {
          rows: withRow[0]!.perRow!.rows,
          relsPerSec: median(withRow.map((s) => (s.perRow!.rows * 1000) / s.perRow!.ms)),
          medianTxMs: median(withRow.map((s) => s.perRow!.medianTxMs)),
          relsPerCpuSec: median(withRow.map((s) => s.perRow!.rows / (s.perRow!.neo4jCpuS + s.perRow!.clientCpuS))),
        }
      : null,
  };
}

async function importRuns(n: number, plan: LoadPlan): Promise<ImportFigures> {
  const dir = newBenchHome('newsgraph-bench-csv-');
  try {
    const csv = await runChild<{
      args: string[];
      bytes: number;
      multiline: boolean;
      writeMs: number;
      relationships: number;
      nodes: number;
      maxRssBytes: number;
    }>(
      CSV_CHILD,
      { relationships: n, seed: plan.seed, dir },
      {
        nodeArgs: ['--max-old-space-size=12288'],
      },
    );
    const samples: Array<{ wallMs: number; reportedMs: number | null; cpuS: number }> = [];
    let schemaMs = NaN;
    let startMs = NaN;
    let checkMs = NaN;
    let storeMB = NaN;
    let verified = '';
    for (let r = 0; r < plan.importRuns(n); r++) {
      const home = newBenchHome('newsgraph-bench-import-');
      try {
        let cpuS = 0;
        const sample = (pid: number) => {
          const c = cpuSeconds(pid);
          if (Number.isFinite(c)) cpuS = c;
        };
        const res = {
          ...(await runAdminImport(home, csv.args, { heap: '1g', multiline: csv.multiline, sample })),
          cpuS,
        };
        samples.push(res);
        plan.log(
          `load: ${n.toLocaleString('en-US')} offline import run ${r + 1}: ${(res.wallMs / 1000).toFixed(1)} s wall (${res.reportedMs !== null ? (res.reportedMs / 1000).toFixed(1) : '?'} s reported)`,
        );
        if (r === 0 && !plan.verifyImport) {
          verified = `${int(res.nodes ?? 0)} nodes, ${int(res.relationships ?? 0)} relationships (the importer's report)`;
          storeMB = mb(storeSize(home).store);
          if (res.relationships !== csv.relationships || res.nodes !== csv.nodes)
            throw new Error(
              `import reported ${verified}, expected ${csv.nodes} nodes and ${csv.relationships} relationships`,
            );
        } else if (r === 0) {
          // Check what was imported, then build the loader's schema on it.
          const ts = performance.now();
          const inst = await startBenchNeo4j({ home, heap: plan.heap(n), pagecache: '1g' });
          startMs = performance.now() - ts;
          try {
            const tq = performance.now();
            const q = await inst.driver.executeQuery(
              'MATCH (x) WITH count(x) AS nodes MATCH ()-[r]->() RETURN nodes, count(r) AS rels',
              {},
              { database: inst.database },
            );
            const nodes = Number(q.records[0]!.get('nodes'));
            const rels = Number(q.records[0]!.get('rels'));
            checkMs = performance.now() - tq;
            verified = `${nodes.toLocaleString('en-US')} nodes, ${rels.toLocaleString('en-US')} relationships`;
            if (rels !== csv.relationships || nodes !== csv.nodes)
              throw new Error(
                `import produced ${verified}, expected ${csv.nodes} nodes and ${csv.relationships} relationships`,
              );
            const t0 = performance.now();
            await applySchema(inst.driver, inst.database, SCHEMA_CYPHER, { populated: true });
            schemaMs = performance.now() - t0;
          } finally {
            await inst.stop();
          }
          storeMB = mb(storeSize(home).store);
        }
      } finally {
        rmSync(home, { recursive: true, force: true });
      }
    }
    const wallMs = median(samples.map((s) => s.wallMs));
    const rep = samples.map((s) => s.reportedMs).filter((x): x is number => x !== null);
    const reportedMs = rep.length ? median(rep) : null;
    const bulkMs = Number.isFinite(schemaMs) ? csv.writeMs + samples[0]!.wallMs + startMs + schemaMs + checkMs : null;
    return {
      runs: samples.length,
      wallMs,
      reportedMs,
      relsPerSecWall: csv.relationships / (wallMs / 1000),
      relsPerSecReported: reportedMs ? csv.relationships / (reportedMs / 1000) : null,
      relsPerCpuSec: median(samples.map((s) => csv.relationships / s.cpuS)),
      schemaMs,
      csvWriteMs: csv.writeMs,
      startMs,
      bulkMs,
      bulkRelsPerSec: bulkMs ? csv.relationships / (bulkMs / 1000) : null,
      storeMB,
      csvMB: mb(csv.bytes),
      csvRssMB: mb(csv.maxRssBytes),
      verified,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function runLoadBench(plan: LoadPlan): Promise<LoadResults> {
  const scales: ScaleResult[] = [];
  let kept: BenchNeo4j | null = null;
  for (const [i, n] of plan.scales.entries()) {
    checkDisk(n, plan);
    const keep = plan.keepLast && i === plan.scales.length - 1;
    const importing = importRuns(n, plan).catch((e: unknown): { error: string } => {
      const error = (e as Error).message.split('\n').slice(0, 3).join(' ');
      plan.log(`load: offline import at ${n} failed: ${error}`);
      return { error };
    });
    // Full mode: one thing at a time (the import finishes before the loader starts).
    const imp0 = plan.overlap ? null : await importing;
    const l = await loaderRuns(n, plan, keep);
    const imp = imp0 ?? (await importing);
    if (l.kept) kept = l.kept;
    scales.push({ relationships: l.rels, nodes: l.nodes, loader: l.figures, perRow: l.perRow, import: imp });
  }
  return { scales, kept };
}

/** Fails a scale up front when the temporary folder cannot hold it (10M: ~18 GB), not hours in. */
function checkDisk(n: number, plan: LoadPlan): void {
  const fs = statfsSync(tmpdir());
  const free = fs.bavail * fs.bsize;
  const need = n * DISK_PER_REL;
  plan.log(
    `load: ${int(n)}: needs ~${mb(need).toFixed(0)} MB of disk in ${tmpdir()} at once, ${mb(free).toFixed(0)} MB free`,
  );
  if (free < need * 1.2)
    throw new Error(
      `${tmpdir()} has ${mb(free).toFixed(0)} MB free; ${int(n)} relationships need ~${mb(need).toFixed(0)} MB (set TMPDIR)`,
    );
}
