/**
 * Render benchmark: the app's render pipeline vs a bare sigma + graphology page,
 * same payloads, in Debian's Chromium (software WebGL: SwiftShader), driven by playwright-core.
 * Pages are built with Vite from bench/render/*.html into bench/tmp/render-dist and served by a
 * tiny static server on 127.0.0.1.
 */
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ROOT } from '../../src/runtime/paths';
import { processEnv } from '../../src/runtime/config';
import { freePort } from '../../src/runtime/managed/ports';
import { median } from '../lib/stats';
import type { LoadTimes, Step } from './harness';
import { expansionPayload, pickAnchor, renderPayload } from './payload';

export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--use-gl=angle',
  '--use-angle=swiftshader-webgl',
  '--enable-unsafe-swiftshader',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
const DIST = join(ROOT, 'bench', 'tmp', 'render-dist');

export interface RenderPlan {
  sizes: number[];
  /** Page loads per size and page (figures are medians over them). */
  runs: (n: number) => number;
  panSteps: (n: number) => number;
  hovers: (n: number) => number;
  expansions: (n: number) => number;
  fa2Ms: number;
  /** CPU-profile the app page once per size (after its measured steps). */
  profile: boolean;
  log: (l: string) => void;
}

export interface PageFigures {
  buildMs: number;
  firstFrameMs: number;
  firstFrameMainMs: number;
  preLayoutMs: number;
  panMainMs: number;
  panFrameMs: number;
  fps: number;
  hoverMainMs: number;
  hoverFrameMs: number;
  hoverHits: string;
  expandMainMs: number;
  expandFrameMs: number;
  fa2PerSec: number;
  heapMB: number;
  runs: number;
  /** App only: top self-time functions from a CPU profile of the first run. */
  cpuProfile?: RunSamples['profile'];
  /** App only: medians of the build profile (see app.ts). */
  buildProfile?: { storeMs: number; syncMs: number; warmMs: number };
}

export interface RenderSizeResult {
  nodes: number;
  edges: number;
  bare: PageFigures;
  app: PageFigures;
}

export interface RenderResults {
  chromium: string;
  webgl: string;
  sizes: RenderSizeResult[];
  buildMs: number;
}

function buildPages(log: (l: string) => void): number {
  const t0 = performance.now();
  const r = spawnSync(
    process.execPath,
    [
      join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'),
      'build',
      '-c',
      join(ROOT, 'bench', 'render', 'vite.config.ts'),
    ],
    {
      cwd: ROOT,
      encoding: 'utf8',
      // Production builds of both pages, also when run from Vitest (NODE_ENV=test): see ensure-build.ts.
      env: processEnv({ NODE_ENV: 'production' }),
    },
  );
  if (r.status !== 0) throw new Error(`vite build of the render pages failed:\n${r.stdout}\n${r.stderr}`);
  log(`render: pages built in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return performance.now() - t0;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.css': 'text/css',
};

function serve(dir: string, port: number): Promise<Server> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent((req.url ?? '/').split('?')[0]!)).replace(/^(\.\.[/\\])+/, '');
    const file = join(dir, path);
    if (!file.startsWith(dir) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, {
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'Cache-Control': 'no-store',
    });
    createReadStream(file).pipe(res);
  });
  return new Promise((res) => server.listen(port, '127.0.0.1', () => res(server)));
}

/** Self time by function in a CPU profile of the app page, top entries. */
export interface ProfileEntry {
  fn: string;
  ms: number;
  share: number;
}

interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number } }>;
  samples: number[];
  timeDeltas: number[];
}

function topSelfTime(p: CpuProfile, top = 8): ProfileEntry[] {
  const byId = new Map(p.nodes.map((n) => [n.id, n.callFrame]));
  const self = new Map<string, number>();
  let total = 0;
  p.samples.forEach((id, i) => {
    const f = byId.get(id);
    const dt = (p.timeDeltas[i] ?? 0) / 1000;
    // readPixels = waiting for the software GPU (our sync, sigma's picking): not JavaScript work.
    if (!f || ['(idle)', '(program)', '(root)', 'readPixels'].includes(f.functionName)) return;
    const file =
      f.url
        .split('/')
        .pop()
        ?.replace(/-[\w-]{8}\.js$/, '.js') ?? '';
    const key = `${f.functionName || '(anonymous)'}${file ? ` (${file}:${f.lineNumber + 1})` : ''}`;
    self.set(key, (self.get(key) ?? 0) + dt);
    total += dt;
  });
  return [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([fn, ms]) => ({ fn, ms, share: total ? ms / total : 0 }));
}

interface RunSamples {
  load: LoadTimes;
  pan: Step[];
  hover: Array<Step & { hovered: string | null; want: string | null }>;
  expand: Array<Step & { added: number }>;
  fa2: number;
  heap: number;
  profile?: { hover: ProfileEntry[]; pan: ProfileEntry[]; expand: ProfileEntry[] };
}

async function onePageRun(
  browser: Browser,
  base: string,
  kind: 'bare' | 'app',
  n: number,
  plan: RenderPlan,
  profile = false,
): Promise<RunSamples> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
  const page: Page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  try {
    await page.goto(`${base}/${kind}.html`);
    await page.waitForFunction(() => window.__benchReady === true, null, { timeout: 60_000 });
    const load = await page.evaluate((u) => window.__bench!.load(u), `${base}/payload/${n}.json`);
    plan.log(`render:   ${kind} ${n}: loaded, first frame ${load.firstFrameMs.toFixed(0)} ms`);
    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = ((await cdp.send('Runtime.getHeapUsage')) as { usedSize: number }).usedSize;

    const pan: Step[] = [];
    for (let i = 0; i < plan.panSteps(n); i++) pan.push(await page.evaluate((k) => window.__bench!.panStep(k), i + 1));
    // Back to the initial camera for hover targets (i = 0 is sigma's initial state).
    await page.evaluate(() => window.__bench!.panStep(0));

    plan.log(`render:   ${kind} ${n}: panned`);
    const targets = await page.evaluate((k) => window.__bench!.hoverTargets(k), plan.hovers(n));
    const hover: RunSamples['hover'] = [];
    for (const t of targets.nodes) {
      for (const [x, y, want] of [
        [t.x, t.y, t.id],
        [targets.empty.x, targets.empty.y, null],
      ] as const) {
        await page.evaluate(() => window.__bench!.begin());
        await page.mouse.move(x, y);
        const r = await page.evaluate(() => window.__bench!.end());
        hover.push({ ...r, want });
      }
    }

    plan.log(`render:   ${kind} ${n}: hovered ${hover.length}`);
    const expand: RunSamples['expand'] = [];
    for (let i = 0; i < plan.expansions(n); i++)
      expand.push(
        await page.evaluate(([r, u]) => window.__bench!.expand(r, u), [i, `${base}/payload/${n}-x${i}.json`] as const),
      );

    plan.log(`render:   ${kind} ${n}: expanded`);
    const fa2 = plan.fa2Ms ? (await page.evaluate((ms) => window.__bench!.fa2(ms), plan.fa2Ms)).perSec : NaN;

    // A CPU profile of two hover changes, two camera moves and one expansion (after the measured
    // steps: the profiler's overhead must not touch the figures) — "what the profile shows".
    let prof: RunSamples['profile'];
    if (profile) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 250 });
      const capture = async (fn: () => Promise<unknown>) => {
        await cdp.send('Profiler.start');
        await fn();
        const { profile: p } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
        return topSelfTime(p);
      };
      await page.evaluate(() => window.__bench!.panStep(0));
      const t = (await page.evaluate((k) => window.__bench!.hoverTargets(k), 1)).nodes[0];
      const hoverP = await capture(async () => {
        for (const [x, y] of [
          [t?.x ?? 3, t?.y ?? 3],
          [3, 3],
        ]) {
          await page.evaluate(() => window.__bench!.begin());
          await page.mouse.move(x!, y!);
          await page.evaluate(() => window.__bench!.end());
        }
      });
      const panP = await capture(async () => {
        for (const i of [1, 2]) await page.evaluate((k) => window.__bench!.panStep(k), i);
      });
      const expandP = await capture(() =>
        page.evaluate(([r, u]) => window.__bench!.expand(r, u), [99, `${base}/payload/${n}-xp.json`] as const),
      );
      prof = { hover: hoverP, pan: panP, expand: expandP };
      plan.log(`render:   ${kind} ${n}: profiled`);
    }
    if (errors.length) throw new Error(`page errors in ${kind}: ${errors.join('; ')}`);
    return { load, pan, hover, expand, fa2, heap, ...(prof ? { profile: prof } : {}) };
  } finally {
    await context.close();
  }
}

function summarise(runs: RunSamples[]): PageFigures {
  const all = <T>(f: (r: RunSamples) => T[]) => runs.flatMap(f);
  const enter = all((r) => r.hover.filter((h) => h.want !== null));
  const hits = all((r) => r.hover).filter((h) => h.hovered === h.want).length;
  const panFrame = median(all((r) => r.pan.map((p) => p.frameMs)));
  return {
    buildMs: median(runs.map((r) => r.load.buildMs)),
    firstFrameMs: median(runs.map((r) => r.load.firstFrameMs)),
    firstFrameMainMs: median(runs.map((r) => r.load.firstFrameMainMs)),
    preLayoutMs: median(runs.map((r) => r.load.preLayoutMs)),
    panMainMs: median(all((r) => r.pan.map((p) => p.mainMs))),
    panFrameMs: panFrame,
    fps: 1000 / panFrame,
    hoverMainMs: median(all((r) => r.hover.map((h) => h.mainMs))),
    hoverFrameMs: median(all((r) => r.hover.map((h) => h.frameMs))),
    hoverHits: `${hits}/${all((r) => r.hover).length} (${enter.length} enters)`,
    expandMainMs: median(all((r) => r.expand.map((e) => e.mainMs))),
    expandFrameMs: median(all((r) => r.expand.map((e) => e.frameMs))),
    fa2PerSec: median(runs.map((r) => r.fa2)),
    heapMB: median(runs.map((r) => r.heap)) / (1024 * 1024),
    runs: runs.length,
    ...(runs.find((r) => r.profile) ? { cpuProfile: runs.find((r) => r.profile)!.profile } : {}),
    ...(runs[0]?.load.profile
      ? {
          buildProfile: {
            storeMs: median(runs.map((r) => r.load.profile!.storeMs)),
            syncMs: median(runs.map((r) => r.load.profile!.syncMs)),
            warmMs: median(runs.map((r) => r.load.profile!.warmMs)),
          },
        }
      : {}),
  };
}

export async function runRenderBench(plan: RenderPlan): Promise<RenderResults> {
  const buildMs = buildPages(plan.log);
  mkdirSync(join(DIST, 'payload'), { recursive: true });
  const edgesOf = new Map<number, number>();
  for (const n of plan.sizes) {
    const p = renderPayload(n);
    edgesOf.set(n, p.edges.length);
    writeFileSync(join(DIST, 'payload', `${n}.json`), JSON.stringify(p));
    const anchor = pickAnchor(p);
    for (let i = 0; i < plan.expansions(n); i++)
      writeFileSync(
        join(DIST, 'payload', `${n}-x${i}.json`),
        JSON.stringify({ anchor, ...expansionPayload(anchor, 100, i) }),
      );
    writeFileSync(
      join(DIST, 'payload', `${n}-xp.json`),
      JSON.stringify({ anchor, ...expansionPayload(anchor, 100, 1_000) }),
    );
  }
  const port = await freePort();
  const server = await serve(DIST, port);
  const base = `http://127.0.0.1:${port}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  try {
    const probe = await browser.newPage();
    await probe.goto(`${base}/bare.html`);
    const webgl = await probe.evaluate(() => {
      const gl = document.createElement('canvas').getContext('webgl2');
      const ext = gl?.getExtension('WEBGL_debug_renderer_info');
      return gl
        ? String(ext ? gl.getParameter(ext.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER))
        : 'no WebGL';
    });
    await probe.close();
    const sizes: RenderSizeResult[] = [];
    for (const n of plan.sizes) {
      const runs = { bare: [] as RunSamples[], app: [] as RunSamples[] };
      for (let r = 0; r < plan.runs(n); r++) {
        // Alternate the order so neither page always runs on a warmer machine.
        const order: Array<'bare' | 'app'> = r % 2 ? ['app', 'bare'] : ['bare', 'app'];
        for (const kind of order) {
          const t0 = performance.now();
          runs[kind].push(await onePageRun(browser, base, kind, n, plan, plan.profile && kind === 'app' && r === 0));
          plan.log(
            `render: ${n} nodes, ${kind} run ${r + 1}/${plan.runs(n)} in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
          );
        }
      }
      sizes.push({ nodes: n, edges: edgesOf.get(n)!, bare: summarise(runs.bare), app: summarise(runs.app) });
    }
    return { chromium: browser.version(), webgl, sizes, buildMs };
  } finally {
    await browser.close();
    await new Promise<void>((res) => server.close(() => res()));
  }
}
