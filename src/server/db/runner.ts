import neo4j, { type Driver, type QueryResult, type RecordShape } from 'neo4j-driver';
/** Lets a query through, or fails it at once while Neo4j is known to be down (see availability.ts). */
export interface QueryGate {
  guard<T>(work: PromiseLike<T>): Promise<T>;
}

/** Where the API's queries go. */
export interface Db {
  driver: Driver;
  database: string;
  /** Fails queries fast while Neo4j is down or restarting (the Availability gate, set by buildApp). */
  availability?: QueryGate;
}

export interface ReadOptions {
  /** Server-side transaction timeout. Default 15 s: API queries are bounded by design. */
  timeoutMs?: number;
  metadata?: Record<string, unknown>;
}

/**
 * Runs one read query in a READ session as an auto-commit transaction: one round trip, and no
 * managed retries, so a dead database fails fast (→ 503) instead of retrying for seconds.
 * Cost: one round trip; all records are buffered (callers bound them in Cypher).
 */
export async function readQuery<R extends RecordShape = RecordShape>(
  db: Db,
  cypher: string,
  params: Record<string, unknown> = {},
  opts: ReadOptions = {},
): Promise<QueryResult<R>> {
  const session = db.driver.session({ database: db.database, defaultAccessMode: neo4j.session.READ });
  try {
    const run = session.run<R>(cypher, params, {
      timeout: opts.timeoutMs ?? 15_000,
      metadata: { app: 'newsgraph', ...(opts.metadata ?? {}) },
    });
    return await (db.availability ? db.availability.guard(run) : run);
  } finally {
    await session.close().catch(() => {});
  }
}

/** JS number → Neo4j integer, for LIMIT/SKIP and integer comparisons. */
export const int = (n: number) => neo4j.int(Math.trunc(n));

/** Element ids in Neo4j 5: "<kind>:<database uuid>:<local id>". */
const ELEMENT_ID = /^\d+:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}:\d+$/i;
export const looksLikeElementId = (s: string) => ELEMENT_ID.test(s);

/**
 * A token that changes whenever the database commits a transaction, from any client: the bookmark
 * Neo4j returns for a trivial read names its last committed transaction. Null when the server
 * returns none (nothing can then be proved unchanged). The token is the bookmarks joined by spaces,
 * so a later session can start from them. Cost: one round trip.
 */
export async function commitMark(db: Db): Promise<string | null> {
  const session = db.driver.session({ database: db.database, defaultAccessMode: neo4j.session.READ });
  try {
    const run = session.run('RETURN 1', {}, { timeout: 5_000, metadata: { app: 'newsgraph' } });
    await (db.availability ? db.availability.guard(run) : run);
    const marks = session.lastBookmarks();
    return marks.length ? [...marks].sort().join(' ') : null;
  } finally {
    await session.close().catch(() => {});
  }
}
