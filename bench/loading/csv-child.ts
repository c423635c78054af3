/** Generates a dataset (same options as the load run) and writes it as import CSV with the bulk path's writer. */
import { writeBulkCsv } from '../../src/dataset/bulk-csv';
import { SeedRows } from '../../src/dataset/rows';
import { generateSeedData } from '../generate';
import { childIo } from '../lib/child';

const { input, done } = childIo<{ relationships: number; seed: number; dir: string }>();
const g = generateSeedData({ relationships: input.relationships, seed: input.seed });
const t = performance.now();
const csv = await writeBulkCsv(new SeedRows(g.data), input.dir);
done({
  args: csv.args,
  bytes: csv.bytes,
  multiline: csv.multiline,
  writeMs: performance.now() - t,
  relationships: g.counts.relationships.total,
  nodes: g.counts.nodes,
});
process.exit(0);
