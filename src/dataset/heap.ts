import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Heap the seed needs per byte of YAML: measured peak RSS of validation + CSV at 100k relationships
 * (21 MB of YAML → ~650 MB), with headroom. Parsed records and rows are held whole until the load ends.
 */
export const HEAP_PER_YAML_BYTE = 40;
/** Never ask for more than this share of the machine's memory (Neo4j and the OS need the rest). */
export const MAX_SHARE_OF_MEMORY = 0.75;

export type HeapPlan = { action: 'ok' } | { action: 'rerun'; mb: number } | { action: 'stop'; message: string };

/** Bytes of the .yaml files directly in `dir` (0 when it does not exist). */
export function yamlBytes(dir: string): number {
  let n = 0;
  try {
    for (const f of readdirSync(dir)) if (f.endsWith('.yaml')) n += statSync(join(dir, f)).size;
  } catch {
    return 0;
  }
  return n;
}

/**
 * Whether the seed of `dataBytes` of YAML fits the current V8 heap limit; if not, the
 * --max-old-space-size to re-run with (bounded by the machine's memory), or a one-line refusal
 * naming the flag. `rerunDone`: this process is already the re-run, so never ask twice.
 */
export function planHeap(p: {
  dataBytes: number;
  limitBytes: number;
  totalMemBytes: number;
  rerunDone?: boolean;
}): HeapPlan {
  const need = p.dataBytes * HEAP_PER_YAML_BYTE;
  if (need <= p.limitBytes) return { action: 'ok' };
  const mb = (b: number) => Math.ceil(b / 1024 / 1024);
  const cap = p.totalMemBytes * MAX_SHARE_OF_MEMORY;
  if (need <= cap && !p.rerunDone) return { action: 'rerun', mb: mb(need) };
  return {
    action: 'stop',
    message:
      `seed: refused: ${mb(p.dataBytes)} MB of YAML needs about ${mb(need)} MB of heap, more than this ` +
      `process has (${mb(p.limitBytes)} MB)${need > cap ? ` or ${Math.round(MAX_SHARE_OF_MEMORY * 100)}% of this machine's memory (${mb(cap)} MB)` : ''}; ` +
      `run it on a bigger machine or with NODE_OPTIONS=--max-old-space-size=${mb(need)}`,
  };
}
