/**
 * `tsx bench/api/hits.ts [--scales 100000,1000000] [--seed 7]`: database hits (PROFILE) of the
 * API benchmark's requests on each scale's generated graph, and their ratio between the smallest
 * and the largest scale. No latency is measured: each graph is built by the offline importer
 * (a minute at 1M, where the online loader takes far longer on a busy machine), the schema
 * applied as the loader does, then each endpoint's first request recorded and PROFILEd.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { applySchema } from '../../src/dataset/load';
import { ROOT, SCHEMA_CYPHER } from '../../src/runtime/paths';
import { generateSeedData } from '../generate';
import { runChild } from '../lib/child';
import { newBenchHome, startBenchNeo4j } from '../lib/instance';
import { machineInfo } from '../lib/machine';
import { table } from '../lib/markdown';
import { runAdminImport } from '../../src/runtime/managed/admin-import';
import { apiDbHits } from './run';

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const scales = (arg('scales') ?? '100000,1000000').split(',').map((x) => Number(x.replace(/_/g, '')));
const seed = Number(arg('seed') ?? 7);
const log = (l: string) => process.stderr.write(`[hits] ${l}\n`);

async function hitsAt(n: number): Promise<Record<string, number>> {
  const dir = newBenchHome('newsgraph-bench-csv-');
  const home = newBenchHome('newsgraph-bench-import-');
  try {
    const csv = await runChild<{ args: string[] }>(
      join(ROOT, 'bench', 'loading', 'csv-child.ts'),
      { relationships: n, seed, dir },
      { nodeArgs: ['--max-old-space-size=12288'] },
    );
    const imp = await runAdminImport(home, csv.args, { heap: '1g' });
    log(`${n}: imported ${imp.nodes} nodes, ${imp.relationships} relationships`);
    const inst = await startBenchNeo4j({ home, heap: '2g', pagecache: '1g' });
    try {
      await applySchema(inst.driver, inst.database, SCHEMA_CYPHER);
      const probes = generateSeedData({ relationships: n, seed }).probes;
      const r = await apiDbHits({ uri: inst.uri, password: inst.password, database: inst.database }, probes);
      for (const [ep, why] of Object.entries(r.failed)) log(`${n}: ${ep} failed: ${why}`);
      log(`${n}: ${JSON.stringify(r.dbHits)}`);
      return r.dbHits;
    } finally {
      await inst.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(home, { recursive: true, force: true });
  }
}

const m = machineInfo();
const results: Record<string, number>[] = [];
for (const n of scales) results.push(await hitsAt(n));
const names = [...new Set(results.flatMap((r) => Object.keys(r)))];
const fmt = (x: number | undefined) => (x === undefined || !Number.isFinite(x) ? '—' : x.toLocaleString('en-US'));
console.log(
  `Database hits per request (PROFILE), ${m.date}, ${m.cpu} (${m.cores} cores), load ${m.loadAverage.join(' / ')}:\n`,
);
console.log(
  table(
    ['endpoint', ...scales.map((n) => `${n.toLocaleString('en-US')} rels`), 'largest ÷ smallest'],
    names.map((ep) => {
      const v = results.map((r) => r[ep]);
      const ratio = v[0] && v.at(-1) !== undefined ? `${(v.at(-1)! / v[0]).toFixed(2)}×` : '—';
      return [ep, ...v.map(fmt), ratio];
    }),
  ),
);
process.exit(0);
