/** The loading benchmark's figures per scale (run.ts measures them, report/loading.ts prints them). */
import type { LoadChildResult } from './load-child';

export interface LoaderFigures {
  runs: number;
  relsPerSec: number;
  totalMs: number;
  schemaMs: number;
  writeMs: number;
  countsMs: number;
  commitMs: number;
  /** Relationships per CPU-second of Neo4j + loader (robust to other processes on the machine). */
  relsPerCpuSec: number;
  neo4jCpuS: number;
  loaderCpuS: number;
  /** Neo4j's estimate of the largest load transaction's memory at its peak. */
  txPeakMB: number;
  /** Live heap (after a forced full GC) once the dataset is generated: the streamed input's share. */
  liveAfterGenerateMB: number;
  /** The loader's own heap: peak live heap (sampled after forced GCs) minus liveAfterGenerateMB. */
  loaderHeapMB: number;
  /** Forced GCs per load and their total wall time (at most that much added to the load's times). */
  gcCount: number;
  gcMs: number;
  /**
   * Without GC (sampled every 10 ms): used heap right after generating, its peak during the load,
   * and that peak minus liveAfterGenerateMB (the live input).
   */
  heapAfterGenerateMB: number;
  peakHeapMB: number;
  loaderUsedHeapMB: number;
  rssMB: number;
  storeMB: number;
  txLogMB: number;
  loadPerCore: number;
  neo4jHeap: string;
  /** The loader instance's page cache (absent in figures recorded before it scaled). */
  neo4jPagecache?: string;
  /** Statement profile of the last run (see load-child.ts). */
  profile: LoadChildResult['profile'];
  /** writeSeed's path in these runs ('create' on a fresh database). */
  mode: LoadChildResult['mode'];
  /** The same load forced onto the MERGE path, on a fresh instance in the same run (null: not run). */
  mergeBaseline: MergeBaseline | null;
}

export interface MergeBaseline {
  runs: number;
  relsPerSec: number;
  relsPerCpuSec: number;
  totalMs: number;
  commitMs: number;
  neo4jCpuS: number;
  loaderCpuS: number;
  /** The loader's rate ÷ the MERGE path's, per wall second and per CPU-second. */
  speedup: number;
  speedupPerCpu: number;
  profile: LoadChildResult['profile'];
}

export interface PerRowFigures {
  rows: number;
  relsPerSec: number;
  medianTxMs: number;
  relsPerCpuSec: number;
}

export interface ImportFigures {
  runs: number;
  wallMs: number;
  reportedMs: number | null;
  relsPerSecWall: number;
  relsPerSecReported: number | null;
  relsPerCpuSec: number;
  /** Constraints + full-text + range indexes built on the imported store (the loader's schema). */
  schemaMs: number;
  /** CSV writing (the bulk path's writer). */
  csvWriteMs: number;
  /** Server start on the imported store (before the schema build). */
  startMs: number;
  /**
   * `npm run seed -- --bulk`'s work, summed from its parts in this run: CSV writing + the first
   * import's wall time + server start + schema + the count check. Null when not verified.
   */
  bulkMs: number | null;
  bulkRelsPerSec: number | null;
  storeMB: number;
  csvMB: number;
  /** Peak RSS of the process that generated the data and wrote the CSV. */
  csvRssMB: number;
  verified: string;
}
