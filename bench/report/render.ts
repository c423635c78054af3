/** Part 3 of RESULTS.md: the app's render pipeline against bare sigma in Chromium. */
import { table } from '../lib/markdown';
import { fmt, ratio } from '../lib/stats';
import type { RenderResults, RenderSizeResult } from '../render/run';
import { isError, n, notMeasured } from './format';

export function renderSection(r: RenderResults | { error: string } | null): string {
  const out: string[] = ['## 3. Render cost', ''];
  if (!r || isError(r)) return [...out, notMeasured('render', r)].join('\n');
  out.push(
    `Chromium ${r.chromium}, headless, WebGL: ${r.webgl} (software: no GPU here), viewport 1280×800. Same`,
    'payload in both pages (seeded, ~3.5 edges per node, hubs by preferential attachment; expansions add 100 neighbours to a',
    'mid-degree node). **Bare**: graphology + `new Sigma(graph, container)` with default settings, random positions.',
    "**App**: the app's own modules composed as `src/web/app/explorer.ts` does it — graph store (`replaceWith` /",
    '`expand`) → `visibleGraph` → `syncRenderGraph` → the one `SigmaController` (created before data arrives, as',
    '`GraphCanvas` does; reducers installed once) → `LayoutRunner` (synchronous pre-layout ≤ 3,000 nodes, then the',
    'ForceAtlas2 worker). React and the HTTP client are not on this path and not measured here (part 4 times the real page).',
    'Main-thread ms = synchronous work + requestAnimationFrame callbacks + pointer listeners until the frame is drawn',
    "(instrumented in-page); frame ms = the same interval until a 1×1 `readPixels` on sigma's WebGL contexts returns",
    '(GPU sync). Pan/zoom = programmatic camera moves (what the mouse handlers do); hover = real pointer moves onto a node',
    'and off to empty space (each is one hover change); fps = 1000 / median pan frame time. Medians over page loads and steps.',
    '',
  );
  const rows: Array<[string, (f: RenderSizeResult['bare']) => number, number | null]> = [
    ['payload → graph built (ms)', (f) => f.buildMs, 1.2],
    ['payload → first frame (ms)', (f) => f.firstFrameMs, 1.2],
    ['  of which main thread (ms)', (f) => f.firstFrameMainMs, 1.2],
    ['  of which pre-layout (ms)', (f) => f.preLayoutMs, null],
    ['pan/zoom: main thread per render (ms)', (f) => f.panMainMs, 1.2],
    ['pan/zoom: frame (ms)', (f) => f.panFrameMs, null],
    ['fps (for the record)', (f) => f.fps, null],
    ['hover change: main thread (ms)', (f) => f.hoverMainMs, 1.5],
    ['hover change: frame (ms)', (f) => f.hoverFrameMs, null],
    ['expansion merge +100: main thread (ms)', (f) => f.expandMainMs, null],
    ['expansion merge +100: frame (ms)', (f) => f.expandFrameMs, null],
    ['ForceAtlas2 worker iterations/s', (f) => f.fa2PerSec, null],
    ['JS heap after load (MB)', (f) => f.heapMB, null],
  ];
  for (const size of r.sizes) {
    out.push(`### ${n(size.nodes)} nodes, ${n(size.edges)} edges (${size.bare.runs} page loads per side)`, '');
    out.push(
      table(
        ['measure', 'bare sigma', 'app', 'app ÷ bare', 'target'],
        rows.map(([label, f, target]) => [
          label,
          fmt(f(size.bare)),
          fmt(f(size.app)),
          ratio(f(size.app), f(size.bare)),
          target ? `≤ ${target}×${f(size.app) <= target * f(size.bare) ? ' ✓' : ' ✗'}` : '',
        ]),
      ),
    );
    out.push(
      '',
      `Hover picks (pointer landed on the intended node / left it): bare ${size.bare.hoverHits}, app ${size.app.hoverHits}.`,
    );
    const p = size.app.buildProfile;
    if (p)
      out.push(
        `App build, by phase (medians, in the timed load): store ${fmt(p.storeMs)} ms, ` +
          `render-graph sync (the visible view included) ${fmt(p.syncMs)} ms; the same build re-run at once on a scratch graph (warm code, no sigma): ${fmt(p.warmMs)} ms.`,
      );
    const cp = size.app.cpuProfile;
    if (cp) {
      out.push(
        '',
        'App page CPU profile (main-thread self time, top functions, GPU waits in `readPixels` left out; 2 hover changes, 2 camera moves, 1 expansion, profiled after the measured steps):',
        '',
      );
      const rowsOf = (phase: string, list: typeof cp.hover) =>
        list.slice(0, 5).map((e, i) => [i === 0 ? phase : '', e.fn, fmt(e.ms), `${fmt(100 * e.share)} %`]);
      out.push(
        table(
          ['phase', 'function (file:line in the unminified bench build)', 'self ms', 'share'],
          [...rowsOf('hover', cp.hover), ...rowsOf('pan/zoom', cp.pan), ...rowsOf('expansion', cp.expand)],
        ),
      );
    }
    out.push('');
  }
  out.push(
    '**Targets (app within 1.2× of bare on build, first frame and per-render main thread; hover within 1.5×).**',
    '',
  );
  for (const size of r.sizes) {
    const miss: string[] = [];
    for (const [label, f, target] of rows) {
      if (!target) continue;
      const q = f(size.app) / f(size.bare);
      if (q > target) miss.push(`${label.trim()} ${ratio(f(size.app), f(size.bare))}`);
    }
    out.push(`- ${n(size.nodes)} nodes: ${miss.length ? `missed — ${miss.join('; ')}` : 'all met'}.`);
  }
  return out.join('\n');
}
