/**
 * A generated graph built by the offline importer instead of the online loader: a minute at 1M
 * relationships, where the loader takes several on a busy machine. For benchmarks that only read
 * the graph (database hits, API latency), so they can run without the loading part.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { applySchema } from '../../src/dataset/load';
import { runAdminImport } from '../../src/runtime/managed/admin-import';
import { ROOT, SCHEMA_CYPHER } from '../../src/runtime/paths';
import { runChild } from './child';
import { newBenchHome, startBenchNeo4j, type BenchNeo4j } from './instance';

/**
 * Writes the graph of `relationships` (seed `seed`) as CSV, imports it into a fresh folder, starts
 * a server on it and applies the schema as the loader does. The CSV is deleted at once; the
 * instance's `dispose()` deletes the store. Cost: CSV writing + import + a JVM start + the schema.
 */
export async function importedGraph(
  relationships: number,
  seed: number,
  opts: { heap?: string; pagecache?: string; log?: (l: string) => void } = {},
): Promise<BenchNeo4j> {
  const dir = newBenchHome('newsgraph-bench-csv-');
  const home = newBenchHome('newsgraph-bench-import-');
  try {
    const csv = await runChild<{ args: string[] }>(
      join(ROOT, 'bench', 'loading', 'csv-child.ts'),
      { relationships, seed, dir },
      { nodeArgs: ['--max-old-space-size=12288'] },
    );
    const imp = await runAdminImport(home, csv.args, { heap: '1g' });
    opts.log?.(`${relationships}: imported ${imp.nodes} nodes, ${imp.relationships} relationships`);
  } catch (e) {
    rmSync(home, { recursive: true, force: true });
    throw e;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const inst = await startBenchNeo4j({ home, heap: opts.heap ?? '2g', pagecache: opts.pagecache ?? '1g' });
  try {
    await applySchema(inst.driver, inst.database, SCHEMA_CYPHER);
  } catch (e) {
    await inst.dispose();
    throw e;
  }
  return inst;
}
