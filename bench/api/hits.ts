/**
 * `tsx bench/api/hits.ts [--scales 100000,1000000] [--seed 7]`: database hits (PROFILE) of the
 * API benchmark's requests on each scale's generated graph, and their ratio between the smallest
 * and the largest scale. No latency is measured: each graph is built by the offline importer
 * (a minute at 1M, where the online loader takes far longer on a busy machine), the schema
 * applied as the loader does, then each endpoint's first request recorded and PROFILEd. Beside
 * the expansions, Neo4j Browser's own expand (`MATCH (n)-[r]-(m) RETURN r, m LIMIT k`: whole
 * elements, as the API returns) on the same node, for the API's page size and for 100.
 */
import { int, type Driver } from 'neo4j-driver';
import { streamSeedData } from '../generate';
import { importedGraph } from '../lib/imported';
import { machineInfo } from '../lib/machine';
import { table } from '../lib/markdown';
import { pageLimit } from '../../src/server/resources/nodes/neighbours';
import { PATHS_DEFAULT_EXCLUDE } from '../../src/shared/api/paths';
import { BROWSER_EXPAND } from './browser';
import { PAIR_HOPS } from './pairs';
import { apiDbHits } from './run';

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const scales = (arg('scales') ?? '100000,1000000').split(',').map((x) => Number(x.replace(/_/g, '')));
const seed = Number(arg('seed') ?? 7);
const log = (l: string) => process.stderr.write(`[hits] ${l}\n`);

interface AtScale {
  hits: Record<string, number>;
  where: Record<string, string>;
  hubDegree: number;
  /** What the paths request found: its cost follows the search (hops, the degrees on the way), not only the graph. */
  paths: PathShape;
}
interface PathShape {
  hops: number | null;
  paths: number;
  /** The largest degree of a node inside one of the shortest paths (each is expanded by the search). */
  viaDegree: number;
}
// The hub's endpoint is named by its size, which differs per scale: one row for it.
const rowName = (ep: string) => (ep.startsWith('expand (hub,') ? 'expand (hub)' : ep);
const byRow = <T>(o: Record<string, T>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [rowName(k), v]));

async function hitsAt(n: number): Promise<AtScale> {
  const inst = await importedGraph(n, seed, { log });
  try {
    const probes = streamSeedData({ relationships: n, seed }).probes;
    const r = await apiDbHits({ uri: inst.uri, password: inst.password, database: inst.database }, probes);
    for (const [ep, why] of Object.entries(r.failed)) log(`${n}: ${ep} failed: ${why}`);
    const base = await browserStyle(inst, probes);
    const pair = r.pairs[0];
    const paths = pair ? await pathShape(inst, ...pair) : { hops: null, paths: 0, viaDegree: 0 };
    log(`${n}: ${JSON.stringify(r.dbHits)} ${JSON.stringify(base.hits)} ${JSON.stringify(paths)}`);
    return { hits: { ...byRow(r.dbHits), ...base.hits }, where: byRow(r.where), hubDegree: base.hubDegree, paths };
  } finally {
    await inst.dispose();
  }
}

/** The imported instance: its own driver serves the bench's direct queries. */
interface Inst {
  driver: Driver;
  database: string;
}

/** The shortest paths between the pair the paths request asks for (the same pattern: ≤ 4 hops, no MENTIONS). */
async function pathShape(inst: Inst, from: string, to: string): Promise<PathShape> {
  const r = await inst.driver.executeQuery(
    `MATCH (a:Entity {id: $from}) MATCH (b:Entity {id: $to})
       OPTIONAL MATCH p = allShortestPaths((a)-[*..4]-(b))
       WHERE none(r IN relationships(p) WHERE type(r) IN $exclude)
       WITH p WHERE p IS NOT NULL
       RETURN min(length(p)) AS hops, count(p) AS paths,
              max(reduce(d = 0, n IN nodes(p)[1..-1] | CASE WHEN COUNT { (n)--() } > d THEN COUNT { (n)--() } ELSE d END)) AS via`,
    { from, to, exclude: [...PATHS_DEFAULT_EXCLUDE] },
    { database: inst.database, routing: 'READ' },
  );
  const rec = r.records[0];
  const hops = rec?.get('hops');
  return {
    hops: hops === null || hops === undefined ? null : Number(hops),
    paths: Number(rec?.get('paths') ?? 0),
    viaDegree: Number(rec?.get('via') ?? 0),
  };
}

/** Browser-style expansions of the first small node and of the hub: the API's page, and 100 rows. */
async function browserStyle(inst: Inst, p: ReturnType<typeof streamSeedData>['probes']) {
  const session = inst.driver.session({ database: inst.database, defaultAccessMode: 'READ' });
  const sum = (x: { dbHits?: number; children?: unknown[] }): number =>
    (x.dbHits ?? 0) + (x.children ?? []).reduce<number>((a, c) => a + sum(c as typeof x), 0);
  const out: Record<string, number> = {};
  let hubDegree = 0;
  try {
    for (const [name, key] of [
      ['small node', p.small[0]!],
      ['hub', p.hub],
    ] as const) {
      const n = await session.run('MATCH (n:Entity {id: $key}) RETURN elementId(n) AS id, COUNT { (n)--() } AS d', {
        key,
      });
      const id = n.records[0]!.get('id') as string;
      const degree = Number(n.records[0]!.get('d'));
      if (name === 'hub') hubDegree = degree;
      const page = pageLimit(degree, 100);
      for (const k of new Set([page, 100])) {
        const r = await session.run(`PROFILE ${BROWSER_EXPAND}`, { id, k: int(k) });
        out[`browser-style expand (${name}), LIMIT ${k}`] = sum(r.summary.profile as never);
      }
    }
  } finally {
    await session.close();
  }
  return { hits: out, hubDegree };
}

const m = machineInfo();
const at: AtScale[] = [];
for (const n of scales) at.push(await hitsAt(n));
const results = at.map((x) => x.hits);
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
console.log(`\nThe hub's relationships: ${at.map((x) => x.hubDegree.toLocaleString('en-US')).join(' / ')}.`);
console.log(
  `\nThe PROFILEd paths request's pair (an ordinary node and the first node ${PAIR_HOPS} hops from it, not MENTIONS): ${at
    .map(
      (x) =>
        `${x.paths.hops ?? 'no path'} hops, ${x.paths.paths} shortest path(s), largest degree inside a path ${x.paths.viaDegree.toLocaleString('en-US')}`,
    )
    .join(' / ')}.`,
);
console.log('\nWhere the hits go (the three operators with the most, per endpoint):\n');
console.log(
  table(
    ['endpoint', ...scales.map((n) => `${n.toLocaleString('en-US')} rels`)],
    [...new Set(at.flatMap((x) => Object.keys(x.where)))].map((ep) => [ep, ...at.map((x) => x.where[ep] ?? '—')]),
  ),
);
process.exit(0);
