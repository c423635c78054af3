/** Generates a dataset (same options as the load run) and writes it as import CSV with the bulk path's writer. */
import { writeBulkCsv } from '../../src/dataset/bulk-csv';
import { streamedRows, streamSeedData } from '../generate';
import { childIo } from '../lib/child';

const { input, done } = childIo<{ relationships: number; seed: number; dir: string }>();
// Streamed: the relationships are replayed from the seed as the writer pulls them, never held.
const g = streamSeedData({ relationships: input.relationships, seed: input.seed });
const t = performance.now();
const csv = writeBulkCsv(streamedRows(g.data), input.dir);
done({
  args: csv.args,
  bytes: csv.bytes,
  multiline: csv.multiline,
  writeMs: performance.now() - t,
  relationships: g.counts.relationships.total,
  nodes: g.counts.nodes,
  maxRssBytes: process.resourceUsage().maxRSS * 1024,
});
process.exit(0);
