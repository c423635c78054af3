/**
 * A review with no candidates, or of a text in another script, says why (the server's notice: only
 * English is extracted; or nothing extractable was found) and offers to discard the article,
 * instead of an empty pane.
 */
import type { BatchView } from '../../../shared/api/ingest';
import { DiscardBatch } from './DiscardBatch';

export function EmptyReview({ batch, onDiscarded }: { batch: BatchView; onDiscarded: () => void }) {
  const reason = batch.notice;
  if (!reason) return null;
  return (
    <div className="ingest-empty" role="status" data-testid="ingest-empty">
      <p>{reason}</p>
      <DiscardBatch id={batch.id} title={batch.title} onDiscarded={onDiscarded} />
    </div>
  );
}
