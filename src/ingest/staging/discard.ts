/**
 * Discarding a staged article: a batch nobody wants (a test, a text in a language the extractor
 * cannot read, the wrong article) leaves the staging area with its decisions, its identity key and
 * its stored text. Only while nothing of it is in the graph: with accepted items it is refused
 * (undo them first), so no accept ever loses the record its undo needs.
 */
import { ReviewBlocked, ReviewNotFound } from '../review/errors';
import type { TextStore } from '../store';
import { textKeysOf } from './identity';
import type { StagedBatch, Staging } from './store';

/**
 * Removes the batch `id` and what is recorded about it, in one SQLite transaction; then its text
 * file unless a graph Article still names that text. Returns the batch as it was (for the audit).
 * Throws ReviewNotFound, or ReviewBlocked when an item is accepted (or an accept is under way).
 */
export async function discardBatch<S>(
  id: string,
  deps: {
    staging: Staging;
    /** The text stores it may be in (a configuration may have moved them). */
    texts: TextStore[];
    articleInGraph: (sha256: string) => Promise<string | null>;
    /** What to keep of the batch for the audit, taken inside the transaction. */
    before: (s: StagedBatch) => S;
  },
): Promise<{ staged: StagedBatch; summary: S }> {
  const { staging } = deps;
  const keys = textKeysOf(staging);
  const db = staging.store.db;
  const staged = staging.tx(() => {
    const s = staging.batch(id);
    if (!s) throw new ReviewNotFound(`no staged article has the id "${id}"`);
    const accepted = [...staging.decisions(id).values()].filter((d) => d.state === 'accepted').length;
    const summary = deps.before(s);
    const live = staging.accepts(id).filter((a) => a.state === 'pending' || a.state === 'committed').length;
    if (accepted || live)
      throw new ReviewBlocked(
        `"${s.batch.article.title ?? s.source}" has ${accepted || live} accepted item${(accepted || live) === 1 ? '' : 's'} in the graph: undo them first, then discard it`,
        { reason: 'HAS_ACCEPTED', accepted: accepted || live },
      );
    db.prepare('DELETE FROM ingest_decisions WHERE batch_id = ?').run(id);
    db.prepare('DELETE FROM ingest_accepts WHERE batch_id = ?').run(id);
    keys.remove(id);
    db.prepare('DELETE FROM ingest_batches WHERE id = ?').run(id);
    return { staged: s, summary };
  });
  // The text file is shared with a graph Article of the same text (one written from it and kept).
  if (!(await deps.articleInGraph(staged.staged.sha256))) for (const t of deps.texts) t.remove(staged.staged.sha256);
  return staged;
}
