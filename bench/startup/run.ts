/**
 * Start-up and size.
 *  - `npm start` on an empty database (a fresh instance folder and free ports; the Neo4j jars are
 *    cached in .neo4j/lib and the explorer build is fresh): times from spawn to Bolt ready, to
 *    seeded, to the first 200 from /api/health, and to the overview drawn in Chromium (the app's
 *    test hook reports a sigma frame with nodes, then a GPU sync).
 *  - Bundle: a production build into bench/tmp/app-dist (never dist/); initial JS/CSS (what
 *    index.html loads or preloads) gzipped, and the lazy chunks.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { ensureBuild } from '../../src/server/cli/ensure-build';
import { processEnv } from '../../src/runtime/config';
import { freePort } from '../../src/runtime/managed/ports';
import { ROOT } from '../../src/runtime/paths';
import { newBenchHome } from '../lib/instance';
import { median, sleep } from '../lib/stats';
import { CHROMIUM, CHROMIUM_ARGS } from '../render/run';

export interface StartupRun {
  boltMs: number;
  /** Seed data (and quotes) validated; the schema and the one load transaction follow. */
  validatedMs: number;
  seededMs: number;
  readyLogMs: number;
  firstApi200Ms: number;
  overviewMs: number;
  /** Page navigation → overview drawn (the browser's share of the above). */
  pageToOverviewMs: number;
  overviewNodes: number;
  rebuilt: boolean;
}

export interface StartupResults {
  runs: StartupRun[];
  median: Omit<StartupRun, 'rebuilt' | 'overviewNodes'> & { overviewNodes: number };
  bundle: BundleSizes;
  prebuildMs: number;
}

export interface BundleSizes {
  initialJs: { raw: number; gzip: number; files: string[] };
  initialCss: { raw: number; gzip: number; files: string[] };
  lazy: Array<{ file: string; raw: number; gzip: number }>;
  buildMs: number;
}

const APP_DIST = join(ROOT, 'bench', 'tmp', 'app-dist');

/** Builds the explorer into bench/tmp/app-dist and sizes it. Cost: a Vite build (~10–60 s here). */
export async function bundleSizes(log: (l: string) => void): Promise<BundleSizes> {
  const t0 = performance.now();
  await ensureBuild({ outDir: APP_DIST, force: true, log });
  const buildMs = performance.now() - t0;
  const html = readFileSync(join(APP_DIST, 'index.html'), 'utf8');
  const refs = (re: RegExp) => [...html.matchAll(re)].map((m) => m[1]!.replace(/^\//, ''));
  const js = new Set([
    ...refs(/<script[^>]+src="([^"]+\.js)"/g),
    ...refs(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g),
  ]);
  const css = new Set(refs(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g));
  const size = (f: string) => {
    const buf = readFileSync(join(APP_DIST, f));
    return { raw: buf.length, gzip: gzipSync(buf).length };
  };
  const sum = (files: Set<string>) => {
    let raw = 0;
    let gzip = 0;
    for (const f of files) {
      const s = size(f);
      raw += s.raw;
      gzip += s.gzip;
    }
    return { raw, gzip, files: [...files] };
  };
  const assets = readdirSync(join(APP_DIST, 'assets')).filter((f) => !f.endsWith('.map'));
  const lazy = assets
    .map((f) => `assets/${f}`)
    .filter((f) => !js.has(f) && !css.has(f))
    .map((f) => ({ file: f, ...size(f) }))
    .sort((a, b) => b.gzip - a.gzip);
  return { initialJs: sum(js), initialCss: sum(css), lazy, buildMs };
}

async function oneStart(log: (l: string) => void): Promise<StartupRun> {
  const home = newBenchHome('newsgraph-bench-start-');
  const port = await freePort();
  const boltPort = await freePort();
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  const t0 = performance.now();
  const child = spawn('npm', ['start', '--silent'], {
    cwd: ROOT,
    detached: true, // own process group: npm → sh → node, stopped together
    env: processEnv({
      NEWSGRAPH_NEO4J_HOME: home,
      NEWSGRAPH_NEO4J_PORT: String(boltPort),
      PORT: String(port),
      HOST: '127.0.0.1',
      NEO4J_URI: '',
      LOG_LEVEL: 'warn',
    }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const marks: Record<string, number> = {};
  let out = '';
  const onData = (b: Buffer) => {
    const s = b.toString();
    out += s;
    const at = performance.now() - t0;
    if (marks.bolt === undefined && /Neo4j started at/.test(out)) marks.bolt = at;
    if (marks.validated === undefined && /seed: data valid/.test(out)) marks.validated = at;
    if (marks.seeded === undefined && /seeded the empty database/.test(out)) marks.seeded = at;
    if (marks.ready === undefined && /the explorer is at/.test(out)) marks.ready = at;
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  let exited = false;
  child.once('exit', () => (exited = true));
  try {
    const base = `http://127.0.0.1:${port}`;
    const deadline = t0 + 300_000;
    let firstApi200 = NaN;
    while (performance.now() < deadline && !exited) {
      try {
        const r = await fetch(`${base}/api/health`);
        if (r.status === 200) {
          firstApi200 = performance.now() - t0;
          break;
        }
      } catch {
        /* not listening yet */
      }
      await sleep(50);
    }
    if (!Number.isFinite(firstApi200))
      throw new Error(`npm start never answered /api/health with 200:\n${out.slice(-3000)}`);
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const navAt = performance.now();
    await page.goto(base);
    const nodes = await page
      .waitForFunction(
        () => {
          // Sigma is up (its canvases exist) and the overview is in the view (the legend counts
          // its nodes): read from the page, as a production build has no test hooks.
          if (!document.querySelector('canvas.sigma-nodes')) return 0;
          let n = 0;
          for (const e of document.querySelectorAll('[data-testid^=legend-]'))
            n += Number(e.getAttribute('data-count')) || 0;
          return n;
        },
        null,
        { timeout: 180_000, polling: 'raf' },
      )
      .then((h) => h.jsonValue() as Promise<number>);
    // Force the GPU to finish the frame before reading the clock.
    await page.evaluate(() => {
      const canvases = [...document.querySelectorAll('canvas')];
      for (const c of canvases) {
        const gl = (c.getContext('webgl2') ?? null) as WebGL2RenderingContext | null;
        if (gl) gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4));
      }
    });
    const overview = performance.now() - t0;
    const run: StartupRun = {
      boltMs: marks.bolt ?? NaN,
      validatedMs: marks.validated ?? NaN,
      seededMs: marks.seeded ?? NaN,
      readyLogMs: marks.ready ?? NaN,
      firstApi200Ms: firstApi200,
      overviewMs: overview,
      pageToOverviewMs: performance.now() - navAt,
      overviewNodes: nodes,
      rebuilt: /building the explorer/.test(out),
    };
    log(
      `startup: Bolt ${(run.boltMs / 1000).toFixed(1)} s, seeded ${(run.seededMs / 1000).toFixed(1)} s, API 200 ${(run.firstApi200Ms / 1000).toFixed(1)} s, overview ${(run.overviewMs / 1000).toFixed(1)} s (${nodes} nodes)`,
    );
    return run;
  } finally {
    await browser.close().catch(() => {});
    if (!exited) {
      try {
        process.kill(-child.pid!, 'SIGTERM');
      } catch {
        /* gone */
      }
      const until = performance.now() + 30_000;
      while (!exited && performance.now() < until) await sleep(100);
      if (!exited) {
        try {
          process.kill(-child.pid!, 'SIGKILL');
        } catch {
          /* gone */
        }
      }
    }
    // The managed Neo4j is stopped by npm start's own shutdown; wait for its JVM to let go of the folder.
    await sleep(500);
    rmSync(home, { recursive: true, force: true });
  }
}

export async function runStartupBench(opts: { runs: number; log: (l: string) => void }): Promise<StartupResults> {
  // npm start builds dist/ when it is stale: do that first, so the timed runs measure a start
  // with a fresh build (as after the first start), and report how long it took.
  const t0 = performance.now();
  await ensureBuild({ log: opts.log });
  const prebuildMs = performance.now() - t0;
  const runs: StartupRun[] = [];
  for (let i = 0; i < opts.runs; i++) runs.push(await oneStart(opts.log));
  const m = (f: (r: StartupRun) => number) => median(runs.map(f));
  const bundle = await bundleSizes(opts.log);
  return {
    runs,
    prebuildMs,
    bundle,
    median: {
      boltMs: m((r) => r.boltMs),
      validatedMs: m((r) => r.validatedMs),
      seededMs: m((r) => r.seededMs),
      readyLogMs: m((r) => r.readyLogMs),
      firstApi200Ms: m((r) => r.firstApi200Ms),
      overviewMs: m((r) => r.overviewMs),
      pageToOverviewMs: m((r) => r.pageToOverviewMs),
      overviewNodes: m((r) => r.overviewNodes),
    },
  };
}

export function fileSize(p: string): number {
  try {
    return statSync(p).size;
  } catch {
    return 0;
  }
}
