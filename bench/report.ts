/** bench/RESULTS.md from the raw figures of one run (bench/run.ts). */
import type { ApiResults, ApiRow } from './api/run';
import type { LoadResults, ScaleResult } from './loading/run';
import { table } from './lib/markdown';
import { fmt, ratio } from './lib/stats';
import type { RenderResults, RenderSizeResult } from './render/run';
import type { BenchResults } from './results';
import type { StartupResults } from './startup/run';

const isError = (x: unknown): x is { error: string } => !!x && typeof x === 'object' && 'error' in x;
const n = (x: number) => x.toLocaleString('en-US');
const s = (ms: number) => `${fmt(ms / 1000)} s`;
const kb = (b: number) => `${fmt(b / 1024)} KB`;

function notMeasured(what: string, r: unknown): string {
  if (r === null) return `_Not run in this invocation (${what})._\n`;
  return `**Not measured: the ${what} part failed in this run.**\n\n\`\`\`\n${(r as { error: string }).error}\n\`\`\`\n`;
}

// ------------------------------------------------------------------------------------------ load

function loadSection(r: Omit<LoadResults, 'kept'> | { error: string } | null): string {
  const out: string[] = ['## 1. Loading at scale', ''];
  if (!r || isError(r)) return [...out, notMeasured('loading', r)].join('\n');
  out.push(
    "The generated news graph (`bench/generate.ts`, seed 7) loaded by the seed loader's own code — `applySchema`, then one",
    'transaction running `writeAndCount` (writeSeed + the counts) and the commit, exactly what `seedDatabase` does after validation — on a',
    'fresh managed Neo4j each run, so the loader takes its CREATE path. Rate = relationships / (schema + write + counts + commit).',
    "**MERGE-path baseline**: the same load forced onto the MERGE path (`strategy: 'merge'`: what the loader did before, and what a",
    "re-seed over existing data costs), on its own fresh instance in the same run. **Per-row baseline**: the loader's",
    'relationship statement with a one-row batch, one transaction per row, on the just-loaded graph (relationships the data',
    'does not contain). **Offline ceiling**: `neo4j-admin database import full` (org.neo4j.cli.AdminTool from the same jars)',
    "on the same data as CSV into an empty, stopped instance folder; wall time includes the importer's JVM start. CPU-s =",
    'CPU seconds of Neo4j + the client process, read from /proc: rels per CPU-second is far less sensitive to other work on',
    'this shared machine than wall-clock rates.',
    '',
  );
  const rows = r.scales.map((x: ScaleResult) => {
    const imp = isError(x.import) ? null : x.import;
    return [
      n(x.relationships),
      n(x.nodes),
      `${fmt(x.loader.relsPerSec)} (${x.loader.runs} run${x.loader.runs > 1 ? 's' : ''})`,
      fmt(x.loader.relsPerCpuSec),
      x.loader.mergeBaseline ? fmt(x.loader.mergeBaseline.relsPerSec) : '–',
      x.loader.mergeBaseline ? ratio(x.loader.relsPerSec, x.loader.mergeBaseline.relsPerSec) : '–',
      x.perRow ? fmt(x.perRow.relsPerSec) : '–',
      x.perRow ? ratio(x.loader.relsPerSec, x.perRow.relsPerSec) : '–',
      imp ? fmt(imp.relsPerSecWall) : 'failed',
      imp ? fmt(imp.relsPerCpuSec) : '–',
      imp ? ratio(x.loader.relsPerSec, imp.relsPerSecWall) : '–',
      `${fmt(x.loader.peakHeapMB)} MB`,
      `${fmt(x.loader.storeMB)} MB`,
    ];
  });
  out.push(
    table(
      [
        'relationships',
        'nodes',
        'loader rels/s',
        'loader rels/CPU-s',
        'MERGE path rels/s',
        'loader ÷ MERGE path',
        'per-row rels/s',
        'loader ÷ per-row',
        'import rels/s (wall)',
        'import rels/CPU-s',
        'loader ÷ import',
        'loader peak heap',
        'store size',
      ],
      rows,
    ),
  );
  out.push('', "### Where the loader's time goes (medians)", '');
  out.push(
    table(
      [
        'relationships',
        'schema',
        'write',
        'counts',
        'commit',
        'Neo4j CPU',
        'loader CPU',
        'heap after generating',
        'loader RSS',
        'Neo4j tx memory (peak)',
        'tx logs',
        'Neo4j heap',
        'load/core',
      ],
      r.scales.map((x) => [
        n(x.relationships),
        s(x.loader.schemaMs),
        s(x.loader.writeMs),
        s(x.loader.countsMs),
        s(x.loader.commitMs),
        `${fmt(x.loader.neo4jCpuS)} s`,
        `${fmt(x.loader.loaderCpuS)} s`,
        `${fmt(x.loader.heapAfterGenerateMB)} MB`,
        `${fmt(x.loader.rssMB)} MB`,
        `${fmt(x.loader.txPeakMB)} MB`,
        `${fmt(x.loader.txLogMB)} MB`,
        x.loader.neo4jHeap,
        fmt(x.loader.loadPerCore),
      ]),
    ),
  );
  const big = r.scales[r.scales.length - 1];
  if (big && big.loader.profile?.length) {
    out.push(
      '',
      `Statement profile of the ${n(big.relationships)} load (wall time from sending each statement to its summary; statements run one after another):`,
      '',
    );
    const total = big.loader.profile.filter((p) => !p.kind.startsWith('datasetCounts')).reduce((a, p) => a + p.ms, 0);
    out.push(
      table(
        ['statement', 'calls', 'rows', 'time', 'rows/s'],
        [
          ...big.loader.profile.map((p) => [
            p.kind,
            n(p.calls),
            n(p.rows),
            s(p.ms),
            p.rows ? fmt(p.rows / (p.ms / 1000)) : '–',
          ]),
          [
            `(rest of "write": the loader's own work between statements and waiting for CPU; its CPU time for the whole load was ${fmt(big.loader.loaderCpuS)} s)`,
            '',
            '',
            s(Math.max(0, big.loader.writeMs - total)),
            '',
          ],
        ],
      ),
    );
  }
  if (big && big.loader.profile?.length) {
    // The cause of a missed target, in one sentence: where the wall time of the largest load went.
    const l = big.loader;
    const top = [...l.profile].sort((a, b) => b.ms - a.ms).slice(0, 2);
    const pct = (ms: number) => `${fmt((100 * ms) / l.totalMs)} %`;
    out.push(
      '',
      `Where the ${n(big.relationships)} load's ${s(l.totalMs)} went: ${top.map((p) => `${p.kind} ${s(p.ms)} (${pct(p.ms)})`).join(', ')}; ` +
        `the commit ${s(l.commitMs)} (${pct(l.commitMs)}: Neo4j writing the transaction's state to the store and its logs); schema ${s(l.schemaMs)}. ` +
        `Neo4j used ${fmt(l.neo4jCpuS)} CPU-s and the loader ${fmt(l.loaderCpuS)} CPU-s on ${fmt(l.loadPerCore)} load per core: ` +
        "the time is Neo4j's transactional write path (index seeks per relationship end, record and index updates, the commit), not the client.",
    );
  }
  out.push('', '### Offline import (the ceiling)', '');
  out.push(
    table(
      [
        'relationships',
        'CSV',
        'import wall',
        'import reported',
        'rels/s (reported)',
        'then building the schema',
        'store size',
        'verified',
      ],
      r.scales.map((x) =>
        isError(x.import)
          ? [n(x.relationships), '–', 'failed', x.import.error, '', '', '', '']
          : [
              n(x.relationships),
              `${fmt(x.import.csvMB)} MB`,
              `${s(x.import.wallMs)} (${x.import.runs} runs)`,
              x.import.reportedMs !== null ? s(x.import.reportedMs) : '–',
              x.import.relsPerSecReported !== null ? fmt(x.import.relsPerSecReported) : '–',
              s(x.import.schemaMs),
              `${fmt(x.import.storeMB)} MB`,
              x.import.verified,
            ],
      ),
    ),
  );
  out.push('', '**Target: ≥ 50,000 relationships/s.**', '');
  for (const x of r.scales) {
    const imp = isError(x.import) ? null : x.import;
    const miss = x.loader.relsPerSec >= 50_000 ? 'met' : `missed by ${fmt(50_000 / x.loader.relsPerSec)}×`;
    out.push(
      `- ${n(x.relationships)}: ${fmt(x.loader.relsPerSec)} rels/s — ${miss}` +
        (imp
          ? `; the offline import ran at ${fmt(imp.relsPerSecWall)} rels/s wall (${fmt(imp.relsPerSecReported)} by its own clock), so the loader reaches ${fmt((100 * x.loader.relsPerSec) / imp.relsPerSecWall)} % of the ceiling (per CPU-second: ${fmt((100 * x.loader.relsPerCpuSec) / imp.relsPerCpuSec)} %)`
          : '') +
        (x.loader.mergeBaseline
          ? `; ${ratio(x.loader.relsPerSec, x.loader.mergeBaseline.relsPerSec)} the MERGE path's rate`
          : '') +
        (x.perRow
          ? `; ${ratio(x.loader.relsPerSec, x.perRow.relsPerSec)} the one-transaction-per-row rate (${fmt(x.perRow.medianTxMs)} ms per transaction)`
          : '') +
        '.',
    );
  }
  return out.join('\n');
}

// ------------------------------------------------------------------------------------------- api

function apiSection(r: ApiResults | { error: string } | null, scale: number | null): string {
  const out: string[] = ['## 2. API latency', ''];
  if (!r || isError(r)) return [...out, notMeasured('API', r)].join('\n');
  out.push(
    `On the ${scale ? n(scale) : '?'}-relationship graph of part 1 (its last loader run's store, the server restarted with a 2 GB heap and a 2 GB page cache).`,
    'API: `startServer()` from src/server in its own process, autocannon on 127.0.0.1 (pipelining 1, 30 s timeout). Baseline:',
    'the very Cypher statements the API ran for the same requests (recorded through a wrapped driver during a warm-up',
    'request), replayed through the bare neo4j-driver with the same session mode and the same concurrency, no HTTP. Both',
    'sides share the same 2 cores with Neo4j (and the load generator). Each round sends a fixed number of requests per',
    'side (every one awaited, so slow requests are never cut off by a time window); latencies in ms, each cell the median',
    'over rounds of that round\'s percentile; the two sides alternate which goes first. "requests" = total over rounds.',
    '',
  );
  out.push(
    table(
      [
        'endpoint',
        'clients',
        'API p50',
        'API p95',
        'API p99',
        'driver p50',
        'driver p95',
        'driver p99',
        'API ÷ driver (p50)',
        'API req/s',
        'requests',
        'failures',
      ],
      r.rows.map((x: ApiRow) => [
        x.endpoint,
        x.concurrency,
        fmt(x.api.p50),
        fmt(x.api.p95),
        fmt(x.api.p99),
        fmt(x.direct.p50),
        fmt(x.direct.p95),
        fmt(x.direct.p99),
        ratio(x.api.p50, x.direct.p50),
        fmt(x.api.rps),
        n(x.api.requests),
        x.api.failures + x.direct.failures,
      ]),
    ),
  );
  for (const [ep, why] of Object.entries(r.failed ?? {}))
    out.push('', `**${ep}: not measured — it failed on this graph:** \`${why}\``);
  out.push(
    '',
    'Statements per request (recorded): ' +
      Object.entries(r.statements)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ') +
      '.',
  );
  out.push(
    'Database hits per request (PROFILE of the recorded statements, first variant): ' +
      Object.entries(r.dbHits ?? {})
        .map(([k, v]) => `${k} ${fmt(v)}`)
        .join(', ') +
      '.',
  );
  out.push(
    'Largest response: ' +
      Object.entries(r.responseBytes)
        .map(([k, v]) => `${k} ${kb(v)}`)
        .join(', ') +
      '.',
    '',
  );
  out.push('**Targets.**', '');
  const over = r.rows.filter((x) => x.api.p50 > 1.3 * x.direct.p50);
  out.push(
    over.length
      ? `- API p50 within 1.3× of the driver: missed in ${over.length}/${r.rows.length} cells: ` +
          over
            .map(
              (x) =>
                `${x.endpoint} @${x.concurrency} ${ratio(x.api.p50, x.direct.p50)} (${kb(r.responseBytes[x.endpoint] ?? NaN)} response)`,
            )
            .join('; ') +
          '. Cause: what the API adds to the same Cypher is converting every record to JSON (integers, dates, points, nodes' +
          ' into graph + table) and sending it over HTTP, so its share grows with the response: the saved queries return' +
          ' 0.5–1 MB, the other endpoints under 75 KB.'
      : `- API p50 within 1.3× of the driver: met in all ${r.rows.length} cells.`,
  );
  const conc = Math.max(...r.rows.map((x) => x.concurrency));
  for (const x of r.rows.filter((y) => y.endpoint.startsWith('expand') && y.concurrency === conc)) {
    const verdict = !Number.isFinite(x.api.p99)
      ? 'no successful request'
      : x.api.p99 < 50
        ? 'met'
        : `missed by ${fmt(x.api.p99 / 50)}×`;
    out.push(
      `- p99 ${x.endpoint} at ${conc} clients under 50 ms: ${fmt(x.api.p99)} ms — ${verdict} (driver alone: ${fmt(x.direct.p99)} ms; ${fmt(x.api.rps)} requests/s through the API, so ${conc} clients queue ≈ ${fmt((1000 * conc) / x.api.rps)} ms each by Little's law).`,
    );
  }
  for (const c of [...new Set(r.rows.map((x) => x.concurrency))]) {
    const small = r.rows.find((x) => x.endpoint.startsWith('expand (small') && x.concurrency === c);
    const hub = r.rows.find((x) => x.endpoint.startsWith('expand (hub') && x.concurrency === c);
    if (small && hub)
      out.push(
        `- Hub vs small expansion @${c}: p50 ${fmt(hub.api.p50)} vs ${fmt(small.api.p50)} ms (${ratio(hub.api.p50, small.api.p50)}; driver alone ${ratio(hub.direct.p50, small.direct.p50)}; database hits ${ratio(r.dbHits?.[hub.endpoint] ?? NaN, r.dbHits?.[small.endpoint] ?? NaN)}).` +
          ((r.dbHits?.[hub.endpoint] ?? Infinity) <= 1.2 * (r.dbHits?.[small.endpoint] ?? 0)
            ? ` The cap holds in Cypher (the hub costs no more database hits); the hub is slower by what it returns — ${kb(r.responseBytes[hub.endpoint] ?? NaN)} against ${kb(r.responseBytes[small.endpoint] ?? NaN)}: a full page of 100 neighbours with their properties, converted and sent.`
            : ''),
      );
  }
  return out.join('\n');
}

// ---------------------------------------------------------------------------------------- render

function renderSection(r: RenderResults | { error: string } | null): string {
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
        `App build profile (same steps re-run on a scratch graph no sigma listens to): store merge ${fmt(p.storeMs)} ms, visible view ${fmt(p.visibleMs)} ms, ` +
          `render-graph sync ${fmt(p.syncWithoutSigmaMs)} ms — vs ${fmt(size.app.buildMs)} ms with the live sigma attached, so sigma's graph-event handlers account for ~${fmt(Math.max(0, size.app.buildMs - p.storeMs - p.visibleMs - p.syncWithoutSigmaMs))} ms.`,
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

// --------------------------------------------------------------------------------------- startup

function startupSection(r: StartupResults | { error: string } | null): string {
  const out: string[] = ['## 4. Start-up and size', ''];
  if (!r || isError(r)) return [...out, notMeasured('start-up', r)].join('\n');
  out.push(
    '`npm start` with the Neo4j jars cached (.neo4j/lib), an empty database (a fresh instance folder, free ports) and a',
    `fresh explorer build (built beforehand if stale: ${s(r.prebuildMs)} this run). Times from spawning \`npm start\`;`,
    '"overview drawn" = the page at that URL (opened as soon as /api/health answered 200) reports a sigma frame with the',
    "overview's nodes (its test hook), followed by a GPU sync. The seed includes the quote/checksum check when",
    '../shared/articles exists.',
    '',
  );
  out.push(
    table(
      [
        'run',
        'Bolt ready',
        'seed validated',
        'seeded',
        '"explorer is at" logged',
        'first API 200',
        'overview drawn',
        'page → overview',
        'nodes drawn',
        'rebuilt the app',
      ],
      [
        ...r.runs.map((x, i) => [
          String(i + 1),
          s(x.boltMs),
          s(x.validatedMs),
          s(x.seededMs),
          s(x.readyLogMs),
          s(x.firstApi200Ms),
          s(x.overviewMs),
          s(x.pageToOverviewMs),
          n(x.overviewNodes),
          x.rebuilt ? 'yes' : 'no',
        ]),
        [
          '**median**',
          s(r.median.boltMs),
          s(r.median.validatedMs),
          s(r.median.seededMs),
          s(r.median.readyLogMs),
          s(r.median.firstApi200Ms),
          s(r.median.overviewMs),
          s(r.median.pageToOverviewMs),
          n(r.median.overviewNodes),
          '',
        ],
      ],
    ),
  );
  const b = r.bundle;
  out.push('', `Bundle (\`vite build\` of the explorer into bench/tmp/app-dist, ${s(b.buildMs)}; gzip level 6):`, '');
  out.push(
    table(
      ['part', 'files', 'raw', 'gzipped'],
      [
        ['initial JS (entry + modulepreload)', b.initialJs.files.join(', '), kb(b.initialJs.raw), kb(b.initialJs.gzip)],
        ['initial CSS', b.initialCss.files.join(', '), kb(b.initialCss.raw), kb(b.initialCss.gzip)],
        ...b.lazy.map((l) => [l.file.endsWith('.js') ? 'lazy chunk' : 'other asset', l.file, kb(l.raw), kb(l.gzip)]),
      ],
    ),
  );
  out.push(
    '',
    `**Target: initial JS under 300 KB gzipped** — ${b.initialJs.gzip < 300 * 1024 ? 'met' : 'missed'} (${kb(b.initialJs.gzip)}).`,
  );
  return out.join('\n');
}

// ------------------------------------------------------------------------------------------ page

export function renderReport(r: BenchResults): string {
  const m = r.machine;
  const head = [
    `# newsgraph benchmarks${r.mode === 'quick' ? ' (QUICK mode: tiny inputs, for the test suite; not results)' : ''}`,
    '',
    `Generated by \`npm run bench${r.mode === 'quick' ? ' -- --quick' : ''}\` (bench/run.ts) — do not edit by hand.`,
    '',
    table(
      ['', ''],
      [
        ['date', m.date],
        ['CPU', m.cpu],
        ['cores', String(m.cores)],
        ['memory', `${m.memoryGiB} GiB`],
        ['Node', m.node],
        ['Java', m.java],
        ['Neo4j', `${m.neo4j} Community (managed, from Maven Central jars)`],
        ['Chromium', m.chromium],
        ['load average (1/5/15 min) at start', m.loadAverage.join(' / ')],
        ['load average at end', r.machineAfter?.loadAverage.join(' / ') ?? '–'],
        ['duration', `${fmt(r.durationMs / 60_000)} min`],
      ],
    ),
    '',
    'The machine is shared (other sessions build, test and run their own Neo4j instances on the same 2 cores), so every',
    'figure is a median of several runs and every claim is a ratio against a baseline measured in the same run; absolute',
    'times are pessimistic. Where useful, rates are also given per CPU-second, which other load distorts much less.',
    '',
    '**Reproduce**: `npm run bench` (everything, rewrites this file; ~tens of minutes), `npm run bench -- --quick` (tiny;',
    'bench/tmp/RESULTS.quick.md), `npm run bench -- --only load,api` / `--only render` / `--only startup`;',
    '`npx tsx bench/generate.ts --relationships 100000 --out DIR` writes the generated graph as seed YAML. Raw figures:',
    '`bench/tmp/results.json`.',
    '',
  ];
  return [
    ...head,
    loadSection(r.load),
    '',
    apiSection(r.api, r.apiScale),
    '',
    renderSection(r.render),
    '',
    startupSection(r.startup),
    '',
  ].join('\n');
}
