/** Part 4 of RESULTS.md: `npm start` to the drawn overview, and the bundle sizes. */
import { table } from '../lib/markdown';
import type { StartupResults } from '../startup/run';
import { isError, kb, n, notMeasured, s } from './format';

export function startupSection(r: StartupResults | { error: string } | null): string {
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
