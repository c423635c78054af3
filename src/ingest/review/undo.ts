/**
 * Undo of an accept, in one transaction: exactly what it added is removed and what it changed
 * restored (refused when someone changed the same things since, or when a later accept of the
 * same article still depends on it). The candidates go back to how they were before the accept.
 */
import { CONTRA } from './contradiction-accept';
import { ReviewBlocked, ReviewNotFound, type UndoBlocker } from './errors';
import { afterOf, beforeOf, committed, type ReviewActor, type ReviewDeps } from './transaction';
import type { AcceptRecord } from './view';
import { undoChanges, UndoConflict, type Change } from './writer';
import { noteWrite } from '../../runtime/store/write-scope';

/** Undoes accept `acceptId`; returns its batch id. Cost: one round trip per change it made. */
export async function undoAccept(d: ReviewDeps, acceptId: number, actor: ReviewActor): Promise<string> {
  const row = d.staging.accept(acceptId);
  if (!row) throw new ReviewNotFound(`No accept ${acceptId}.`);
  if (row.state === 'undone') throw new ReviewBlocked(`Accept ${acceptId} was undone already (by ${row.undoneBy}).`);
  if (row.state === 'failed') throw new ReviewBlocked(`Accept ${acceptId} never reached the graph.`);
  const later = d.staging.accepts(row.batchId).filter((a) => a.id > acceptId && a.state === 'committed');
  const rec = row.changes as AcceptRecord;
  const session = d.driver.session({ database: d.database });
  const tx = session.beginTransaction({
    timeout: 60_000,
    metadata: { app: 'newsgraph-ingest', action: 'ingest.undo' },
  });
  try {
    if (row.state === 'pending' && !(await committed(tx, rec.changes))) {
      await tx.rollback();
      d.staging.finishAccept(acceptId, 'failed');
      throw new ReviewBlocked(`Accept ${acceptId} never reached the graph (its transaction did not commit).`);
    }
    if (rec.articleCreated && later.length)
      throw new UndoConflict(
        `accepts ${later.map((a) => a.id).join(', ')} of this article came later; undo them first`,
      );
    await undoChanges(tx, rec.changes);
    await tx.commit();
    noteWrite(); // the store's bookkeeping below may still find it busy: this must not be sent again
  } catch (e) {
    if (tx.isOpen()) await tx.rollback().catch(() => {});
    if (e instanceof UndoConflict) {
      const blockedBy = e.usedBy ? blocker(d, e.usedBy, row.batchId, acceptId) : undefined;
      const where =
        blockedBy?.batchId && blockedBy.batchId !== row.batchId ? ` of the article "${blockedBy.article}"` : '';
      const msg = blockedBy?.acceptId
        ? `Cannot undo accept ${acceptId}: "${e.usedBy!.node}" is used by accept ${blockedBy.acceptId}${where} (${blockedBy.candidates.join(', ')}), made later; undo that first.`
        : `Cannot undo accept ${acceptId}: ${e.message}.`;
      throw new ReviewBlocked(msg, blockedBy ? { reason: 'UNDO_BLOCKED', blockedBy } : undefined);
    }
    throw e;
  } finally {
    await session.close();
  }
  d.staging.tx(() => {
    d.staging.markUndone(acceptId, actor.name);
    for (const cid of row.candidates) {
      if (cid.startsWith(CONTRA)) d.staging.clearDecision(row.batchId, cid);
      else {
        const prev = rec.previous?.[cid];
        if (prev?.edit) d.staging.setDecision(row.batchId, cid, { state: 'edited', edit: prev.edit }, actor.name);
        else d.staging.clearDecision(row.batchId, cid);
      }
    }
    if (rec.articleCreated) d.staging.setArticleId(row.batchId, null);
  });
  d.audit.record(actor, {
    action: 'ingest.undo',
    target: `${row.batchId}/accept-${acceptId}`,
    before: afterOf(rec.changes),
    after: beforeOf(rec.changes),
    detail: { article: rec.articleId, candidates: row.candidates, acceptedBy: row.by, acceptedAt: row.at },
  });
  return row.batchId;
}

/**
 * The later accept that created one of the relationships in the way, if any: this article's first,
 * else another batch's (an accept of another article can link to a node this one created).
 */
function blocker(
  d: ReviewDeps,
  usedBy: NonNullable<UndoConflict['usedBy']>,
  batchId: string,
  acceptId: number,
): UndoBlocker {
  const ids = new Set(usedBy.rels.map((r) => r.elementId));
  const later = d.staging
    .accepts()
    .filter((a) => a.id > acceptId && a.state === 'committed')
    .sort((a, b) => Number(b.batchId === batchId) - Number(a.batchId === batchId));
  const by = later.find((a) =>
    ((a.changes as AcceptRecord).changes as Change[]).some((c) => c.op === 'createRel' && ids.has(c.elementId)),
  );
  const r = usedBy.rels[0]!;
  const title = by ? (d.staging.batch(by.batchId)?.batch.article.title ?? null) : null;
  return {
    acceptId: by?.id ?? null,
    candidates: by?.candidates ?? [],
    batchId: by?.batchId ?? null,
    article: title,
    label: `${r.type} with "${r.other}"`,
  };
}
