import { randomUUID } from 'node:crypto';
import neo4j, { type Node } from 'neo4j-driver';
import type { QueryResult, QuerySummary } from '../../shared/api/result';
import { ApiError, classifyNeo4jError } from '../http/errors';
import { GraphCollector } from '../db/graph';
import type { Db } from '../db/runner';
import { terminateByMarker, type WatchdogReport } from './watchdog';

export interface StreamOptions {
  timeoutMs: number;
  maxRows: number;
  /** Cap on the JSON size of table + graph; the stream stops (truncated) when it is reached. */
  maxBytes: number;
  /** Extra time before the watchdog terminates the transaction server-side. */
  graceMs?: number;
  notifications?: QuerySummary['notifications'];
  queryType?: string | null;
  /** Called when the watchdog had to terminate the transaction. */
  onWatchdog?: (r: WatchdogReport) => void;
  /** Run on a server that has applied at least these transactions (a cluster's reader may lag). */
  bookmarks?: string[];
}

export const DEFAULT_MAX_BYTES = 8 * 1024 * 1024;

/**
 * Runs one read query in a READ session (auto-commit, no retries) and streams it with caps:
 * stops after maxRows rows or maxBytes of JSON (truncated = true) and discards the rest on the
 * server. The server-side transaction timeout is the first line of defence; a watchdog terminates
 * the transaction (by its metadata marker) if it outlives timeout + grace, and the request gives
 * up 3 s after that whatever happens. Cost: rows and bytes bounded by the caps; the driver
 * fetches records in batches of 100 (at most maxRows + 1 in all).
 */
export async function streamQuery(
  db: Db,
  cypher: string,
  params: Record<string, unknown>,
  opts: StreamOptions,
): Promise<QueryResult> {
  const t0 = performance.now();
  const marker = randomUUID();
  const grace = opts.graceMs ?? 2_000;
  const session = db.driver.session({
    database: db.database,
    defaultAccessMode: neo4j.session.READ,
    // Small batches: a fat row (say 150 KB) times a big batch would be fetched and decoded
    // before the byte cap could stop the stream.
    fetchSize: Math.min(opts.maxRows + 1, 100),
    ...(opts.bookmarks ? { bookmarks: opts.bookmarks } : {}),
  });
  let watchdogFired: WatchdogReport | null = null;
  const watchdog = setTimeout(() => {
    void terminateByMarker(db, marker).then((report) => {
      watchdogFired = report;
      opts.onWatchdog?.(report);
    });
  }, opts.timeoutMs + grace);
  let giveUp: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    giveUp = setTimeout(
      () =>
        reject(
          new ApiError(
            504,
            'TIMEOUT',
            `The query did not stop within its ${opts.timeoutMs} ms limit and was abandoned.`,
            { timeoutMs: opts.timeoutMs, terminated: !!watchdogFired?.terminated },
          ),
        ),
      opts.timeoutMs + grace + 3_000,
    );
  });

  const work = (async () => {
    const result = session.run(cypher, params, {
      timeout: opts.timeoutMs,
      metadata: { app: 'newsgraph', sandbox: marker },
    });
    const columns = await result.keys();
    const g = new GraphCollector();
    const rows: unknown[][] = [];
    let bytes = 2;
    let truncatedBy: 'rows' | 'bytes' | null = null;
    for await (const rec of result) {
      if (rows.length >= opts.maxRows) {
        truncatedBy = 'rows';
        break;
      }
      const values = rec.keys.map((k) => rec.get(k));
      for (const v of values) g.collect(v);
      const row = values.map((v) => g.cell(v));
      bytes += JSON.stringify(row).length + 1;
      for (const el of g.takeAdded()) bytes += JSON.stringify(el).length + 1;
      if (bytes > opts.maxBytes) {
        truncatedBy = 'bytes';
        break;
      }
      rows.push(row);
    }
    return { columns: columns.map(String), rows, g, truncatedBy };
  })();

  try {
    const { columns, rows, g, truncatedBy } = await Promise.race([
      db.availability ? db.availability.guard(work) : work,
      deadline,
    ]);
    // Relationships returned without their end nodes: fetch those nodes (a second round trip,
    // only when needed), so every edge in the payload can be drawn.
    const missing = g.missingEndpoints().slice(0, 2_000);
    if (missing.length) {
      const r = await session.run(
        'MATCH (n) WHERE elementId(n) IN $ids RETURN n',
        { ids: missing },
        { timeout: 5_000 },
      );
      for (const rec of r.records) g.addNode(rec.get('n') as Node);
    }
    return {
      graph: g.payload(),
      table: { columns, rows },
      summary: {
        timeMs: Math.round(performance.now() - t0),
        rows: rows.length,
        truncated: truncatedBy !== null,
        truncatedBy,
        maxRows: opts.maxRows,
        queryType: opts.queryType ?? 'r',
        notifications: opts.notifications ?? [],
      },
    };
  } catch (e) {
    work.catch(() => {}); // the abandoned stream may still fail later
    const api = classifyNeo4jError(e, db.database);
    if (api?.code === 'TIMEOUT') {
      throw new ApiError(504, 'TIMEOUT', `The query exceeded its ${opts.timeoutMs} ms time limit and was stopped.`, {
        neo4jCode: api.details.neo4jCode,
        timeoutMs: opts.timeoutMs,
        terminatedByWatchdog: !!(watchdogFired as WatchdogReport | null)?.terminated,
      });
    }
    throw api ?? e;
  } finally {
    clearTimeout(watchdog);
    clearTimeout(giveUp);
    // Closing discards whatever the server still has for us; don't let a stuck close hold the reply.
    void session.close().catch(() => {});
  }
}
