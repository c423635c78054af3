/**
 * The transaction every graph-writing review action runs in: one Neo4j transaction, the accept
 * recorded in the staging store (pending, with its changes) before the commit and marked
 * committed after, so a crash leaves either the graph as before or a record that says exactly
 * what was written (undoable). Also the audit shapes of changes.
 */
import { Neo4jError, type Driver } from 'neo4j-driver';
import type { Candidate } from '../batch';
import type { Staging } from '../staging/store';
import type { FollowMerges } from './repoint';
import { evidenceAt, type ApplyContext } from './apply';
import type { Decision } from './decision';
import { ReviewBlocked } from './errors';
import type { AcceptRecord } from './view';
import type { Vocabulary } from './vocabulary';
import { GraphWriter, type Change } from './writer';
import { noteWrite } from '../../runtime/store/write-scope';

export interface ReviewActor {
  name: string;
  role: string;
}

/** Where audit entries go (the server's append-only audit trail). */
export interface AuditSink {
  record(
    actor: ReviewActor,
    input: { action: string; target?: string | null; before?: unknown; after?: unknown; detail?: unknown },
  ): unknown;
}

export interface ReviewDeps {
  driver: Driver;
  database: string;
  staging: Staging;
  /** Folders the batch texts may be in (the configured one first). */
  textDirs: string[];
  dataset: string;
  vocabulary: Vocabulary;
  audit: AuditSink;
  /** Where merged-away entities went (the server's merge map): an accept naming one links the survivor. */
  followMerges?: FollowMerges;
  now?: () => Date;
}

export interface AcceptOutcome {
  acceptId: number;
  accepted: { candidate: string; result: Record<string, unknown> }[];
  /** Bulk accept: candidates left for their reviewer, with why (an event or entity whose name the graph has). */
  left?: { candidate: string; message: string }[];
  created: number;
  changed: number;
}

/**
 * Runs `body` in one write transaction and records it as an accept of `candidates`. `body`
 * returns the accept's record (without the changes, which the writer collected) and what to
 * store in the staging store once committed. Cost: the body's round trips plus two small SQLite writes.
 */
export async function acceptTransaction<T>(
  d: ReviewDeps,
  opts: { batchId: string; candidates: string[]; action: string; actor: ReviewActor },
  /** `candidates`: those it wrote, when fewer than `opts.candidates` (a bulk accept leaves some). */
  body: (w: GraphWriter) => Promise<{ record: Omit<AcceptRecord, 'changes'>; value: T; candidates?: string[] }>,
  afterCommit: (acceptId: number, value: T, changes: Change[]) => void,
): Promise<{ acceptId: number; value: T; changes: Change[] }> {
  const session = d.driver.session({ database: d.database });
  const tx = session.beginTransaction({ timeout: 60_000, metadata: { app: 'newsgraph-ingest', action: opts.action } });
  try {
    const w = new GraphWriter(tx);
    const { record, value, candidates } = await body(w);
    const begun = d.staging.beginAccept(
      opts.batchId,
      candidates ?? opts.candidates,
      { ...record, changes: w.changes },
      opts.actor.name,
    );
    // Another request accepted the same candidate while this one ran: its write stands, this one is rolled back.
    if (typeof begun !== 'number') {
      const p = begun.pendingAccept;
      const which = p === null ? '' : ` by accept ${p}, still under way (if it stays pending, undo it)`;
      throw new ReviewBlocked(`${begun.taken} is accepted already${which}; reload the batch.`);
    }
    const acceptId = begun;
    try {
      await tx.commit();
      noteWrite();
    } catch (e) {
      d.staging.finishAccept(acceptId, 'failed');
      throw e;
    }
    d.staging.tx(() => {
      d.staging.finishAccept(acceptId, 'committed');
      afterCommit(acceptId, value, w.changes);
    });
    return { acceptId, value, changes: w.changes };
  } catch (e) {
    if (tx.isOpen()) await tx.rollback().catch(() => {});
    // Two accepts creating the same node (the article, a new entity) at once: the later one loses.
    if (e instanceof Neo4jError && e.code === 'Neo.ClientError.Schema.ConstraintValidationFailed')
      throw new ReviewBlocked('Another accept wrote the same article or entity at the same moment; reload the batch.');
    throw e;
  } finally {
    await session.close();
  }
}

/** Whether a pending accept's transaction committed: its first change's element exists. */
export async function committed(tx: GraphWriter['tx'], changes: Change[]): Promise<boolean> {
  const first = changes[0];
  if (!first) return false;
  const q =
    first.op === 'createNode' || first.op === 'setNode'
      ? 'MATCH (x) WHERE elementId(x) = $eid RETURN count(x) AS n'
      : 'MATCH ()-[x]->() WHERE elementId(x) = $eid RETURN count(x) AS n';
  const r = await tx.run(q, { eid: first.elementId });
  return Number(r.records[0]!.get('n')) > 0;
}

const isSet = (c: Change): c is Extract<Change, { op: 'setNode' | 'setRel' }> =>
  c.op === 'setNode' || c.op === 'setRel';

/** The audit "before" of some changes: the old values of what they changed. */
export function beforeOf(changes: Change[]) {
  return { changed: changes.filter(isSet).map((c) => ({ what: c.what, values: c.before })) };
}

/** The audit "after": what was created, and the new values of what was changed. */
export function afterOf(changes: Change[]) {
  return {
    created: changes.flatMap((c) =>
      c.op === 'createNode' ? [`node ${c.id}`] : c.op === 'createRel' ? [`${c.from} ${c.type} ${c.to}`] : [],
    ),
    changed: changes.filter(isSet).map((c) => ({ what: c.what, values: c.after })),
  };
}

/** What an accept created with its new article, before its first candidate: its outlet when new, the PUBLISHED_BY. */
export const createdWith = (changes: Change[], v: { done: { from: number }[]; article: { id: string } }) =>
  afterOf(changes.slice(0, v.done[0]?.from)).created.filter((x) => x !== `node ${v.article.id}`);

export const countCreated = (changes: Change[]) =>
  changes.filter((c) => c.op === 'createNode' || c.op === 'createRel').length;
export const countChanged = (changes: Change[]) => changes.filter(isSet).length;

/** The article quote behind an accepted candidate (for the audit trail). */
export function evidenceQuote(ctx: ApplyContext, c: Candidate, d: Decision) {
  const span = 'quoteSpan' in d && d.quoteSpan ? (d.quoteSpan as { start: number; end: number }) : c.quoteSpan;
  try {
    return evidenceAt(ctx, span);
  } catch {
    return { quote: c.quote, start: c.quoteSpan.start, end: c.quoteSpan.end };
  }
}
