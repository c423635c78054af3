/** Generates a dataset (same options as the load run) and writes it as import CSV. */
import { generateSeedData } from '../generate';
import { childIo } from '../lib/child';
import { writeImportCsv, type ImportCsv } from './csv';

const { input, done } = childIo<{ relationships: number; seed: number; dir: string }>();
const g = generateSeedData({ relationships: input.relationships, seed: input.seed });
const t = performance.now();
const csv: ImportCsv = await writeImportCsv(g.data, input.dir);
done({ ...csv, writeMs: performance.now() - t, relationships: g.counts.relationships.total, nodes: g.counts.nodes });
process.exit(0);
