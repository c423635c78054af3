/**
 * `npm run bench`            — the four benchmarks (load, API, render, start-up); rewrites bench/RESULTS.md.
 * `npm run bench -- --quick` — a small version of each (what `npm test` runs); writes
 *                              bench/tmp/RESULTS.quick.md and leaves RESULTS.md alone.
 * Options: `--only load,api,render,startup` (the API part uses the load part's largest graph;
 * `--only api` alone builds that graph with the offline importer), `--scales 10000,100000` (loading scales), `--runs N` (loader runs and imports
 * per scale), `--api-clients 1,10` (API concurrencies), `--render-sizes 1000,5000`, `--render-runs N`, `--render-lean` (render: load and expansions
 * only), `--out FILE` (markdown),
 * `--json FILE` (raw figures).
 *
 * Every benchmark Neo4j is a throw-away managed instance in a temporary folder on a free port;
 * the shared .neo4j/instance is never touched. Exit code 1 when any part failed.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { ROOT } from '../src/runtime/paths';
import { runApiBench } from './api/run';
import { streamSeedData } from './generate';
import { importedGraph } from './lib/imported';
import { runLoadBench, type LoadResults } from './loading/run';
import { machineInfo } from './lib/machine';
import { renderReport } from './report';
import type { BenchResults } from './results';
import { runRenderBench } from './render/run';
import { runStartupBench } from './startup/run';

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};

const quick = process.argv.includes('--quick');
const only = new Set((arg('only') ?? 'load,api,render,startup').split(',').map((s) => s.trim()));
const out = resolve(
  arg('out') ?? (quick ? join(ROOT, 'bench', 'tmp', 'RESULTS.quick.md') : join(ROOT, 'bench', 'RESULTS.md')),
);
const jsonOut = resolve(arg('json') ?? join(ROOT, 'bench', 'tmp', quick ? 'results.quick.json' : 'results.json'));
const SEED = 7;
const t0 = performance.now();
const log = (l: string) =>
  process.stderr.write(`[bench ${((performance.now() - t0) / 1000).toFixed(0).padStart(4)} s] ${l}\n`);

// Scales and repetitions. Full: up to 1M relationships, kept to tens of minutes on 2 cores. Quick:
// every code path once, on tiny inputs, in well under a few minutes.
const PLAN = quick
  ? {
      scales: [2_000],
      loadRuns: () => 1,
      perRow: () => 20,
      importRuns: () => 1,
      heap: () => '1g',
      verifyImport: false,
      overlap: true,
      api: { concurrency: [1], requests: () => 10, rounds: 1, warmupRequests: 0 },
      render: {
        sizes: [200],
        runs: () => 1,
        panSteps: () => 3,
        hovers: () => 1,
        expansions: () => 1,
        fa2Ms: 1_000,
        profile: true,
      },
      startupRuns: 1,
    }
  : {
      scales: [10_000, 100_000, 1_000_000],
      // 1M: one loader run (~5–15 min here) — the single figure is flagged in the report.
      loadRuns: (n: number) => (n >= 1_000_000 ? 1 : 3),
      perRow: (n: number) => (n >= 1_000_000 ? 500 : 300),
      importRuns: (n: number) => (n >= 1_000_000 ? 2 : 3),
      // The batched loader needs one batch's transaction memory: the same heap at every scale.
      heap: () => '2g',
      verifyImport: true,
      overlap: false,
      api: {
        concurrency: [1, 10, 50],
        // 50 clients: enough requests per round for a throughput, not only the first answers.
        // 1 client: enough for a p50 of a warm server (a team server runs for days), not of its
        // first compilations; a round at 1 client costs ~1 s per endpoint, a saved query's ~20 s.
        requests: (c: number) => (c >= 50 ? 400 : c >= 10 ? 40 : 250),
        rounds: 2,
        warmupRequests: 150,
      },
      render: {
        sizes: [1_000, 5_000, 20_000],
        runs: (n: number) => (n >= 20_000 ? 2 : 3),
        panSteps: (n: number) => (n >= 20_000 ? 3 : 6),
        hovers: (n: number) => (n >= 20_000 ? 2 : 4),
        expansions: (n: number) => (n >= 20_000 ? 2 : 3),
        fa2Ms: 4_000,
        profile: true,
      },
      startupRuns: 3,
    };

// `--scales 10000,100000` replaces the loading scales (the API part uses the largest).
const scalesArg = arg('scales');
if (scalesArg) PLAN.scales = scalesArg.split(',').map((x) => Number(x.replace(/_/g, '')));
// `--runs N`: N loader runs and N imports per scale (a shorter full run on a busy machine).
const runsArg = Number(arg('runs'));
if (runsArg >= 1) {
  PLAN.loadRuns = () => runsArg;
  PLAN.importRuns = () => runsArg;
}

// `--render-sizes 1000,5000` / `--render-runs N`: a subset of the render sizes, N page loads each;
// `--render-lean`: load and expansions only (no pan, hover, ForceAtlas2 rate or profile), to
// iterate on the build and merge figures.
const renderSizes = arg('render-sizes');
if (renderSizes) PLAN.render.sizes = renderSizes.split(',').map((x) => Number(x.replace(/_/g, '')));
const renderRuns = Number(arg('render-runs'));
if (renderRuns >= 1) PLAN.render.runs = () => renderRuns;
// `--api-clients 1,10`: a subset of the API concurrencies (e.g. the 1-client latency alone).
const apiClients = arg('api-clients');
if (apiClients) PLAN.api.concurrency = apiClients.split(',').map(Number);
if (process.argv.includes('--render-lean'))
  Object.assign(PLAN.render, { panSteps: () => 0, hovers: () => 0, fa2Ms: 0, profile: false });

async function section<T>(name: string, fn: () => Promise<T>): Promise<T | { error: string }> {
  log(`${name}: start`);
  try {
    const r = await fn();
    log(`${name}: done`);
    return r;
  } catch (e) {
    const msg = e instanceof Error ? `${e.message}` : String(e);
    log(`${name}: FAILED: ${msg}`);
    return { error: msg.split('\n').slice(0, 8).join('\n') };
  }
}

async function main(): Promise<number> {
  // `--report-from bench/tmp/results.json`: re-render the report from a run's raw figures (after a
  // change to report.ts), measuring nothing; the recorded load section is kept as usual.
  const from = arg('report-from');
  if (from) {
    const saved = JSON.parse(readFileSync(resolve(from), 'utf8')) as BenchResults;
    writeFileSync(out, renderReport(saved) + keptLoadSection(out));
    log(`wrote ${out} from ${from} (figures of the run of ${saved.machine.date})`);
    return 0;
  }
  const machine = machineInfo();
  log(
    `${quick ? 'quick' : 'full'} run on ${machine.cpu} (${machine.cores} cores, ${machine.memoryGiB} GiB), load ${machine.loadAverage.join(' ')}`,
  );
  const results: BenchResults = {
    mode: quick ? 'quick' : 'full',
    machine,
    machineAfter: null,
    durationMs: 0,
    load: null,
    api: null,
    render: null,
    startup: null,
    seed: SEED,
    apiScale: null,
  };

  const dbChain = async () => {
    let kept: LoadResults['kept'] = null;
    if (only.has('load')) {
      results.load = await section('load', async () => {
        const r = await runLoadBench({
          scales: PLAN.scales,
          runs: PLAN.loadRuns,
          perRow: PLAN.perRow,
          importRuns: PLAN.importRuns,
          heap: PLAN.heap,
          seed: SEED,
          keepLast: only.has('api'),
          verifyImport: PLAN.verifyImport,
          overlap: PLAN.overlap,
          log,
        });
        kept = r.kept;
        return { scales: r.scales };
      });
    }
    if (only.has('api')) {
      const scale = PLAN.scales[PLAN.scales.length - 1]!;
      results.apiScale = scale;
      results.apiGraph = only.has('load') ? 'loader' : 'import';
      results.api = await section('api', async () => {
        const inst =
          (kept as LoadResults['kept']) ??
          (only.has('load') ? null : await importedGraph(scale, SEED, { pagecache: '2g', log }));
        if (!inst) throw new Error('no loaded graph to run the API on (the load part failed)');
        try {
          const probes = streamSeedData({ relationships: scale, seed: SEED }).probes;
          return await runApiBench({ uri: inst.uri, password: inst.password, database: inst.database }, probes, {
            ...PLAN.api,
            log,
          });
        } finally {
          await inst.dispose();
        }
      });
    }
  };
  const browserChain = async () => {
    if (only.has('render')) results.render = await section('render', () => runRenderBench({ ...PLAN.render, log }));
    if (only.has('startup'))
      results.startup = await section('startup', () => runStartupBench({ runs: PLAN.startupRuns, log }));
  };
  // Quick mode only checks that every script still runs: its two chains (database; browser and
  // npm start) overlap to stay short. A full run measures one thing at a time.
  if (quick) await Promise.all([dbChain(), browserChain()]);
  else {
    await dbChain();
    await browserChain();
  }

  results.durationMs = performance.now() - t0;
  results.machineAfter = machineInfo();
  mkdirSync(dirname(jsonOut), { recursive: true });
  writeFileSync(jsonOut, JSON.stringify(results, null, 1));
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, renderReport(results) + keptLoadSection(out));
  log(`wrote ${out} and ${jsonOut} in ${(results.durationMs / 60_000).toFixed(1)} min`);
  const failed = [results.load, results.api, results.render, results.startup].some((r) => r && 'error' in r);
  return failed ? 1 : 0;
}

/**
 * The sections `npm run bench:load` (bench/load.ts) records between their markers (the Belgorod
 * graph's, and one per generated graph size) are not ours to rewrite: carry them over.
 */
function keptLoadSection(file: string): string {
  if (!existsSync(file)) return '';
  const blocks = readFileSync(file, 'utf8').match(/<!-- (load(?:-\d+)?):start -->[\s\S]*?<!-- \1:end -->/g) ?? [];
  return blocks.map((b) => `\n${b}\n`).join('');
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
