/** The "Load" section of bench/RESULTS.md: rendered from one run, written between its markers. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../../src/runtime/paths';
import { avg, type CannonResult } from './measure';

export const RESULTS = join(ROOT, 'bench', 'RESULTS.md');
/** The section's markers: one section for the Belgorod graph, one per generated graph size. */
const markers = (graph: number) => {
  const tag = graph > 0 ? `load-${graph}` : 'load';
  return { start: `<!-- ${tag}:start -->`, end: `<!-- ${tag}:end -->` };
};

export interface SectionData {
  /** Relationships of the generated graph the run used; 0: the Belgorod graph. */
  graph: number;
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
  /** Answers ≥ 400 by request kind, status and the API's error code ('' when none). */
  failures: string;
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

export function renderSection(d: SectionData): string {
  const lat = d.result.latency;
  const mb = (xs: number[]) => `${(avg(xs) / 1024).toFixed(0)} MB`;
  const { start, end } = markers(d.graph);
  const n = d.graph.toLocaleString('en-US');
  return [
    start,
    d.graph > 0 ? `## Load on the ${n}-relationship generated graph` : '## Load',
    '',
    `\`npm run bench:load${d.graph > 0 ? ` -- --graph ${d.graph}` : ''}\` — ${new Date().toISOString()}: ${d.connections} concurrent clients for ${d.duration} s (autocannon, 127.0.0.1 only) against`,
    d.graph > 0
      ? `the API server (startServer, own process) on a throw-away managed Neo4j 5.26 with the generated graph of ${n} relationships (seed 7, built by \`neo4j-admin database import\`, 2 GB heap and page cache).`
      : 'the API server (startServer, own process) on a throw-away managed Neo4j 5.26 with the Belgorod graph (production configuration).',
    `Mix by weight: search 30 (full names, prefixes, misspellings), node detail 25, expansion 20, paths 10, saved queries 15;`,
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
    `| answers ≥ 400 by kind (saved queries by name), status and error code (warm-up included) | ${d.failures || 'none'} |`,
    '',
    ...Object.entries(d.checks).map(([k, v]) => `- ${v ? '✅' : '❌'} ${k}`),
    ...(d.dropped.length ? ['', `Left out of the mix after the initial check (not 200): ${d.dropped.join('; ')}`] : []),
    '',
    `Result: **${d.pass ? 'PASS' : 'FAIL'}**.`,
    end,
  ].join('\n');
}

/** Replaces `npm run bench:load`'s section for `graph` in bench/RESULTS.md (or appends it); the rest stays as it is. */
export function recordSection(graph: number, section: string): void {
  const { start, end } = markers(graph);
  const text = existsSync(RESULTS) ? readFileSync(RESULTS, 'utf8') : '# Benchmark results\n';
  const i = text.indexOf(start);
  const j = text.indexOf(end);
  const next =
    i >= 0 && j > i
      ? `${text.slice(0, i)}${section}${text.slice(j + end.length)}`
      : `${text.trimEnd()}\n\n${section}\n`;
  writeFileSync(RESULTS, next);
}
