import { randomUUID } from 'node:crypto';
import type { Driver, Session } from 'neo4j-driver';
import { LOAD_LABEL, LOADING_LABEL } from './internal';
import { OUR_LABELS } from './load';
import { batchCypher, type Batch, type LoadMode } from './batches';
import { DATASET, sortedRecord, type LoadCounts } from './rows';

/**
 * The batched loader: each batch of rows is its own transaction, so Neo4j's transaction memory
 * stays that of one batch whatever the size of the load. All or nothing as users see it:
 *
 * - a marker node `(:NewsgraphLoad {id, dataset, mode, status})` exists while a load runs;
 * - a load that fails is removed at once; one that was killed is removed by the next run, or by
 *   `npm start`'s seeding step, before anything else (recoverInterruptedLoads);
 * - the finishing steps after verification only relabel and delete, so an interrupted finish is
 *   completed, not undone, by the next run.
 *
 * Modes:
 * - 'create' (a database where none of our labels holds a node): nodes get their own labels at
 *   once and relationship ends are found through the id constraints. Everything of ours with the
 *   marker's dataset is then this load's, so that is what an undo deletes, and finishing is only
 *   removing the marker (no per-node bookkeeping to write and strip again: that pass cost about
 *   as much as creating the nodes).
 * - 'staged', the --reset over an existing dataset: the new nodes carry only the label
 *   `NewsgraphLoading` (their labels wait in `loading_labels`), so the old dataset stays whole
 *   (and its unique ids free of conflict) until the new one is written and verified; their
 *   relationship ends are found by id under that label (index newsgraph_loading_id in
 *   cypher/schema.cypher; ids are unique across articles, entities and claims). Finishing deletes
 *   the old dataset, then gives the new nodes their labels.
 * One load at a time per database: a second loader would take the first for an interrupted one.
 */
export { LOAD_LABEL, LOADING_LABEL } from './internal';
/** Transaction metadata `app` of every loader transaction (SHOW TRANSACTIONS, the kill tests). */
export const LOAD_APP = 'newsgraph-seed';
/** Rows per inner transaction of the finishing statements (CALL … IN TRANSACTIONS). */
const FINISH_ROWS = 10_000;

export type { Batch, LoadMode } from './batches';
export { batchCypher, grouped, seedBatches } from './batches';

export interface BatchedOptions {
  mode: LoadMode;
  /** Server-side limit per transaction, ms. */
  timeoutMs?: number;
  /**
   * Batches written concurrently, each on its own session (default 1). On a 2-core machine 2 was
   * slower and cost Neo4j more CPU per relationship: concurrent relationship batches wait on the
   * locks of the same hub nodes.
   */
  writers?: number;
  log?: (line: string) => void;
  /** Called after each committed batch (the benchmark's statement profile). */
  onBatch?: (b: { cypher: string; rows: number; ms: number; attempts: number }) => void;
}

const tick = (name: string) => `\`${name.replace(/`/g, '``')}\``;

/** Count-store counts of every label and relationship type in the database. Cost: O(tokens). */
export async function countStore(driver: Driver, database: string): Promise<LoadCounts> {
  const q = async (cypher: string) => (await driver.executeQuery(cypher, {}, { database })).records;
  const nodes: Record<string, number> = {};
  const relationships: Record<string, number> = {};
  for (const r of await q('CALL db.labels() YIELD label RETURN label')) {
    const l = r.get('label') as string;
    nodes[l] = Number((await q(`MATCH (n:${tick(l)}) RETURN count(n) AS c`))[0]!.get('c'));
  }
  for (const r of await q('CALL db.relationshipTypes() YIELD relationshipType AS t RETURN t')) {
    const t = r.get('t') as string;
    relationships[t] = Number((await q(`MATCH ()-[r:${tick(t)}]->() RETURN count(r) AS c`))[0]!.get('c'));
  }
  return { nodes, relationships };
}

/** Runs a CALL … IN TRANSACTIONS statement (an implicit transaction is the only kind it runs in). */
async function autoCommit(session: Session, cypher: string, params: Record<string, unknown> = {}): Promise<void> {
  await session.run(cypher, params, { metadata: { app: LOAD_APP } });
}

const setStatus = (s: Session, id: string, status: string) =>
  autoCommit(s, `MATCH (m:${LOAD_LABEL} {id: $id}) SET m.status = $status`, { id, status });

/** Deletes everything an unfinished load wrote, then its marker. */
async function undo(s: Session, id: string, mode: LoadMode, dataset: string): Promise<void> {
  // A create load started with none of our labels in use: all of ours in its dataset is its own.
  if (mode === 'create')
    await autoCommit(
      s,
      `MATCH (n:${OUR_LABELS.join('|')}) WHERE n.dataset = $dataset CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 1000 ROWS`,
      { dataset },
    );
  await autoCommit(s, `MATCH (n:${LOADING_LABEL}) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 1000 ROWS`);
  await autoCommit(s, `MATCH (m:${LOAD_LABEL} {id: $id}) DELETE m`, { id });
}

/**
 * The finishing steps of a verified load, from the step its marker says (each is idempotent, and
 * the status moves on only once a step is done, so a re-run completes an interrupted finish).
 * Staged: 'swapping' deletes the old dataset, 'relabelling' gives the new nodes their labels.
 */
async function finish(s: Session, id: string, mode: LoadMode, dataset: string, from: string): Promise<void> {
  if (mode === 'staged') {
    if (from === 'swapping') {
      await autoCommit(
        s,
        `MATCH (n) WHERE n.dataset = $dataset AND NOT n:${LOADING_LABEL}
         CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 1000 ROWS`,
        { dataset },
      );
      await setStatus(s, id, 'relabelling');
    }
    await autoCommit(
      s,
      `MATCH (n:${LOADING_LABEL}) CALL (n) { SET n:$(n.loading_labels) REMOVE n:${LOADING_LABEL}, n.loading_labels }
       IN TRANSACTIONS OF ${FINISH_ROWS} ROWS`,
    );
  } else {
    // Nodes a create load wrote carry no loading label; an older version's may (none: O(1)).
    await autoCommit(
      s,
      `MATCH (n:${LOADING_LABEL}) CALL (n) { REMOVE n:${LOADING_LABEL} } IN TRANSACTIONS OF ${FINISH_ROWS} ROWS`,
    );
  }
  await autoCommit(s, `MATCH (m:${LOAD_LABEL} {id: $id}) DELETE m`, { id });
}

/** The first finishing status of a mode. */
const FINISHING: Record<LoadMode, string> = { create: 'finishing', staged: 'swapping' };

/**
 * Completes or removes whatever loads were interrupted (marker still present): one still
 * writing is deleted with everything it wrote; one that was finishing is finished. Returns a
 * line per load for the log. Cost: one query when there is none.
 */
export async function recoverInterruptedLoads(driver: Driver, database: string): Promise<string[]> {
  const r = await driver.executeQuery(
    `MATCH (m:${LOAD_LABEL}) RETURN m.id AS id, m.mode AS mode, m.status AS status, m.dataset AS dataset`,
    {},
    { database },
  );
  const done: string[] = [];
  const session = driver.session({ database });
  try {
    for (const rec of r.records) {
      const [id, mode, status, dataset] = ['id', 'mode', 'status', 'dataset'].map((k) => String(rec.get(k)));
      if (status !== 'writing') {
        await finish(session, id!, mode as LoadMode, dataset!, status!);
        done.push(`seed: completed the interrupted load ${id} of "${dataset}" (it was verified and finishing)`);
      } else {
        await undo(session, id!, mode as LoadMode, dataset!);
        done.push(`seed: removed the interrupted load ${id} of "${dataset}" (${status}) and everything it wrote`);
      }
    }
  } finally {
    await session.close();
  }
  return done;
}

/**
 * Loads the batches (see the module comment), verifies that the database holds exactly what was
 * sent (per batch: Neo4j's update counters; at the end: count-store deltas per label and type,
 * before anything is finished), then finishes. Returns the counts written. On any error the load
 * is removed and the error rethrown. Cost: one transaction per batch, then O(nodes) relabelling.
 */
export async function loadBatched(
  driver: Driver,
  database: string,
  batches: Iterable<Batch> | AsyncIterable<Batch>,
  opts: BatchedOptions,
): Promise<LoadCounts> {
  const id = randomUUID();
  const before = await countStore(driver, database);
  const nodes = new Map<string, number>();
  const rels = new Map<string, number>();
  let nodeRows = 0;
  const add = (m: Map<string, number>, k: string, n = 1) => m.set(k, (m.get(k) ?? 0) + n);
  const session = driver.session({ database });
  try {
    await autoCommit(
      session,
      `CREATE (:${LOAD_LABEL} {id: $id, dataset: $dataset, mode: $mode, status: 'writing', started: datetime()})`,
      { id, dataset: DATASET, mode: opts.mode },
    );
    try {
      const write = writer(driver, database, opts, {
        timeout: opts.timeoutMs ?? 120_000,
        metadata: { app: LOAD_APP, load: id },
      });
      const pool = new Pool(Math.max(1, opts.writers ?? 1));
      let kind: Batch['kind'] | undefined;
      try {
        for await (const b of batches) {
          // Relationship ends must be committed before any relationship batch looks them up.
          if (kind !== b.kind) await pool.drain();
          kind = b.kind;
          await pool.add(async () => {
            await write(b);
            if (b.kind === 'nodes') for (const n of b.rows) for (const l of n.labels) add(nodes, l);
            if (b.kind === 'nodes') nodeRows += b.rows.length;
            else add(rels, b.type, b.rows.length);
          });
        }
        await pool.drain();
      } finally {
        // Nothing may still be writing when the load is verified or undone.
        await pool.settle();
        await write.close();
      }
      const written = { nodes: sortedRecord(nodes), relationships: sortedRecord(rels) };
      await verify(driver, database, before, written, nodeRows, opts.mode);
      await setStatus(session, id, FINISHING[opts.mode]);
      await finish(session, id, opts.mode, DATASET, FINISHING[opts.mode]);
      return written;
    } catch (e) {
      opts.log?.(`seed: load failed, removing what it wrote: ${(e as Error).message.split('\n')[0]}`);
      await undo(session, id, opts.mode, DATASET).catch((u: unknown) =>
        opts.log?.(`seed: could not remove it now (${(u as Error).message}); the next run will`),
      );
      throw e;
    }
  } finally {
    await session.close();
  }
}

/** Tries per batch when concurrent batches deadlock (Neo4j rolls one of them back). */
const DEADLOCK_TRIES = 5;

/**
 * Writes one batch per call in its own transaction, on a session per concurrent caller; checks
 * Neo4j's update counters before the commit. Only a deadlock is retried (the whole batch again):
 * any other error, a lost server included, fails the load at once.
 */
function writer(
  driver: Driver,
  database: string,
  opts: BatchedOptions,
  config: Parameters<Session['beginTransaction']>[0],
) {
  const idle: Session[] = [];
  const all: Session[] = [];
  const attempt = async (session: Session, b: Batch, cypher: string, rows: unknown[]) => {
    const tx = session.beginTransaction(config);
    try {
      const u = (await tx.run(cypher, { rows })).summary.counters.updates();
      const made = b.kind === 'nodes' ? u.nodesCreated : u.relationshipsCreated;
      if (made !== b.rows.length)
        throw new Error(`seed: a batch created ${made} ${b.kind}, expected ${b.rows.length} (${cypher.slice(0, 90)})`);
      await tx.commit();
    } finally {
      if (tx.isOpen()) await tx.rollback().catch(() => {});
    }
  };
  const write = async (b: Batch): Promise<void> => {
    const session = idle.pop() ?? driver.session({ database });
    if (!all.includes(session)) all.push(session);
    const cypher = batchCypher(b, opts.mode);
    const rows =
      b.kind === 'nodes'
        ? b.rows.map((n) => (opts.mode === 'create' ? { props: n.props } : { labels: n.labels, props: n.props }))
        : b.rows.map((r) => ({ from: r.from, to: r.to, props: r.props }));
    const t0 = performance.now();
    let attempts = 0;
    try {
      for (;;) {
        attempts++;
        try {
          await attempt(session, b, cypher, rows);
          break;
        } catch (e) {
          if ((e as { code?: string }).code !== DEADLOCK || attempts >= DEADLOCK_TRIES) throw e;
        }
      }
    } finally {
      idle.push(session);
    }
    opts.onBatch?.({ cypher, rows: b.rows.length, ms: performance.now() - t0, attempts });
  };
  write.close = () => Promise.all(all.map((s) => s.close())).then(() => {});
  return write;
}

const DEADLOCK = 'Neo.TransientError.Transaction.DeadlockDetected';

/** Runs up to `size` tasks at once; the first failure is thrown by the next add() or drain(). */
class Pool {
  private readonly running = new Set<Promise<void>>();
  private failure: { error: unknown } | undefined;
  constructor(private readonly size: number) {}

  async add(task: () => Promise<void>): Promise<void> {
    while (this.running.size >= this.size) await Promise.race(this.running);
    this.check();
    const p: Promise<void> = task()
      .catch((error: unknown) => void (this.failure ??= { error }))
      .finally(() => this.running.delete(p));
    this.running.add(p);
  }

  async drain(): Promise<void> {
    await this.settle();
    this.check();
  }

  /** Waits for every running task, without throwing. */
  async settle(): Promise<void> {
    await Promise.all(this.running);
  }

  private check(): void {
    if (this.failure) throw this.failure.error;
  }
}

/** The count store after the writes against `before` + what was sent. */
async function verify(
  driver: Driver,
  database: string,
  before: LoadCounts,
  written: LoadCounts,
  nodeRows: number,
  mode: LoadMode,
): Promise<void> {
  const after = await countStore(driver, database);
  const problems: string[] = [];
  const check = (what: string, b: Record<string, number>, a: Record<string, number>, k: string, n: number) => {
    const got = (a[k] ?? 0) - (b[k] ?? 0);
    if (got !== n) problems.push(`${what} ${k}: ${got} written, ${n} sent`);
  };
  // Staged nodes carry only the loading label until they are finished.
  if (mode === 'staged') check('nodes', before.nodes, after.nodes, LOADING_LABEL, nodeRows);
  else for (const [k, n] of Object.entries(written.nodes)) check('nodes', before.nodes, after.nodes, k, n);
  for (const [k, n] of Object.entries(written.relationships))
    check('relationships', before.relationships, after.relationships, k, n);
  if (problems.length) throw new Error(`seed: the database does not hold what was sent: ${problems.join('; ')}`);
}
