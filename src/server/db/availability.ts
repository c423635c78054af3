import neo4j from 'neo4j-driver';
import { ApiError, classifyNeo4jError } from '../http/errors';
import type { Db, QueryGate } from './runner';

/**
 * Whether Neo4j is answering, so that requests fail fast (503) while it is down or restarting
 * instead of each one waiting on it: a query sent while a database starts or stops waits for it
 * (Neo4j's transaction start timeout) before failing, and a dead server can take a connect
 * timeout to notice.
 *  - The gate closes when a request fails because Neo4j is unreachable, or when a query has been
 *    pending for `stallMs` and the database's status (SHOW DATABASE on the system database, which
 *    answers at once) says it is not online. Pending guarded queries then fail with 503 at once.
 *  - While closed, requests get 503 without touching the driver, and a probe (database online and
 *    a read of its data answered, with client-side deadlines) every `everyMs` reopens it: no manual
 *    step. Not `RETURN 1`: a restarting Neo4j answers that before the database serves reads.
 * A slow but online database never closes the gate (busy is not down).
 * Cost: nothing while Neo4j answers quickly; one status query per second of stalled queries;
 * two tiny queries per `everyMs` while it is down.
 */
export class Availability implements QueryGate {
  private downSince: number | null = null;
  private reason = '';
  private timer: NodeJS.Timeout | null = null;
  private closed = false;
  private checking = false;
  private lastCheck = 0;
  private readonly waiting = new Set<(e: ApiError) => void>();
  private readonly everyMs: number;
  private readonly deadlineMs: number;
  private readonly stallMs: number;

  constructor(
    private readonly db: Db,
    opts: { everyMs?: number; deadlineMs?: number; stallMs?: number } = {},
  ) {
    this.everyMs = opts.everyMs ?? 500;
    this.deadlineMs = opts.deadlineMs ?? 700;
    this.stallMs = opts.stallMs ?? 700;
  }

  /** Throws the 503 a request gets while Neo4j is known to be down. */
  assertUp(): void {
    if (this.downSince !== null) throw this.error();
  }

  /**
   * `work` as is, except that it fails with 503 at once while the gate is closed or as soon as it
   * closes (callers start `work` before asking, so it is abandoned, not avoided); a query still pending
   * after `stallMs` triggers a status check. The abandoned work's own outcome is ignored.
   */
  guard<T>(work: PromiseLike<T>): Promise<T> {
    const p = Promise.resolve(work);
    p.catch(() => {});
    if (this.closed) return p;
    if (this.downSince !== null) return Promise.reject(this.error());
    let reject!: (e: ApiError) => void;
    const down = new Promise<never>((_, rej) => (reject = rej));
    this.waiting.add(reject);
    const stall = setTimeout(() => void this.stallCheck(), this.stallMs);
    stall.unref();
    return Promise.race([p, down]).finally(() => {
      clearTimeout(stall);
      this.waiting.delete(reject);
    });
  }

  /**
   * Every error a request ends with passes here; a 503 NEO4J_UNAVAILABLE closes the gate — but
   * not a slow answer (reason SLOW, e.g. the health check's deadline): busy is not down.
   */
  observe(e: ApiError): void {
    if (e.status !== 503 || e.code !== 'NEO4J_UNAVAILABLE' || e.details.reason === 'SLOW') return;
    const code = typeof e.details.neo4jCode === 'string' ? e.details.neo4jCode : '';
    // Only "cannot reach it" closes the gate; a transient query error or refused credentials
    // fail their own request (probing with bad credentials would trip Neo4j's login rate limit).
    if (code && !GATE_CODES.has(code)) return;
    this.markDown(code);
  }

  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
  }

  private error(): ApiError {
    const s = Math.round((Date.now() - (this.downSince ?? Date.now())) / 1000);
    // The reason is a driver/Neo4j code, or the database status SHOW DATABASE reported.
    const code = GATE_CODES.has(this.reason) ? this.reason : undefined;
    const status = !code && this.reason ? this.reason : undefined;
    return new ApiError(
      503,
      'NEO4J_UNAVAILABLE',
      `Neo4j is not reachable${status ? ` (database ${status})` : ''} (for ${s} s); try again shortly (the server reconnects by itself)`,
      { neo4jCode: code, databaseStatus: status },
    );
  }

  private markDown(reason: string): void {
    if (this.closed || this.downSince !== null) return;
    this.downSince = Date.now();
    this.reason = reason;
    const e = this.error();
    for (const reject of this.waiting) reject(e);
    this.waiting.clear();
    this.schedule(this.everyMs);
  }

  private async stallCheck(): Promise<void> {
    if (this.closed || this.checking || this.downSince !== null || Date.now() - this.lastCheck < 1_000) return;
    this.checking = true;
    this.lastCheck = Date.now();
    try {
      const status = await databaseStatus(this.db, this.deadlineMs);
      if (status === 'unreachable') this.markDown('ServiceUnavailable');
      else if (status !== 'online' && status !== 'unknown') this.markDown(status);
    } finally {
      this.checking = false;
    }
  }

  private schedule(ms: number): void {
    this.timer = setTimeout(() => void this.probe(), ms);
    this.timer.unref();
  }

  private async probe(): Promise<void> {
    if (this.closed) return;
    // 'unknown' (not allowed to ask, or slow) leaves the decision to the read on the database.
    // Generous deadlines: a probe runs in the background (requests get their 503 meanwhile), and a
    // just-restarted, cold Neo4j may take seconds over its first query.
    const status = await databaseStatus(this.db, PROBE_DEADLINE_MS);
    const up = (status === 'online' || status === 'unknown') && (await ping(this.db, PROBE_DEADLINE_MS));
    if (up) this.downSince = null;
    else this.schedule(this.everyMs);
  }
}

const PROBE_DEADLINE_MS = 5_000;

/** Driver/Neo4j codes meaning the database cannot be reached (no code: a socket error). */
const GATE_CODES = new Set([
  'ServiceUnavailable',
  'SessionExpired',
  'Neo.TransientError.General.DatabaseUnavailable',
  'Neo.TransientError.Database.DatabaseUnavailable',
  'Neo.ClientError.Database.DatabaseNotFound',
]);

/** Races `work` against a deadline; `onLate` is the value when the deadline wins. */
async function within<T>(work: Promise<T>, ms: number, onLate: T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<T>((res) => {
    timer = setTimeout(() => res(onLate), ms);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The database's status from the system database: 'online', another status ('starting',
 * 'stopping', 'offline', 'missing'), 'unreachable' when Neo4j cannot be reached, or 'unknown'
 * (no answer within `deadlineMs`, or not allowed to ask). Never throws, never hangs.
 */
export async function databaseStatus(db: Db, deadlineMs: number): Promise<string> {
  const session = db.driver.session({ database: 'system', defaultAccessMode: neo4j.session.READ });
  try {
    const run = session
      .run(
        'SHOW DATABASE $name YIELD currentStatus RETURN currentStatus',
        { name: db.database },
        { timeout: deadlineMs, metadata: { app: 'newsgraph', probe: true } },
      )
      .then(
        (r) => (r.records.length ? String(r.records[0]!.get('currentStatus')) : 'missing'),
        (e: unknown) => (classifyNeo4jError(e, db.database)?.code === 'NEO4J_UNAVAILABLE' ? 'unreachable' : 'unknown'),
      );
    return await within(run, deadlineMs, 'unknown');
  } finally {
    void session.close().catch(() => {});
  }
}

/**
 * A read of the database's own data (the first node, if any): what every request needs. Trivial
 * statements (`RETURN 1`, `dbms.components()`) are answered as soon as Bolt is up, while reads of a
 * just-restarted database still fail with DatabaseUnavailable for seconds. Cost: O(1).
 */
export const REAL_READ = 'OPTIONAL MATCH (n) WITH n LIMIT 1 RETURN n IS NOT NULL AS hasData';

/** True when the database answers REAL_READ within `deadlineMs`. Never throws, never hangs. */
export async function ping(db: Db, deadlineMs: number): Promise<boolean> {
  const session = db.driver.session({ database: db.database, defaultAccessMode: neo4j.session.READ });
  try {
    const run = session.run(REAL_READ, {}, { timeout: deadlineMs, metadata: { app: 'newsgraph', probe: true } }).then(
      () => true,
      () => false,
    );
    return await within(run, deadlineMs, false);
  } finally {
    void session.close().catch(() => {});
  }
}
