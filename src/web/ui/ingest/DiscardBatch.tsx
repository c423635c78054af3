/**
 * Discard a staged article (a test, a text the extractor cannot read): a button that asks first,
 * in place, then removes the batch. The server refuses while an item is accepted; its message
 * (undo them first) is shown here.
 */
import { useState } from 'react';
import { describeError } from '../../api/client';
import { useExplorer } from '../context';

export function DiscardBatch({ id, title, onDiscarded }: { id: string; title: string; onDiscarded: () => void }) {
  const explorer = useExplorer();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const discard = async () => {
    setBusy(true);
    setError(null);
    try {
      await explorer.api.ingestDiscard(id);
      onDiscarded();
    } catch (e) {
      setError(describeError(e));
      setAsking(false);
    } finally {
      setBusy(false);
    }
  };
  return (
    <span className="ingest-discard" data-testid="ingest-discard" data-batch={id}>
      {asking ? (
        <span role="group" aria-label={`Discard ${title}?`}>
          <span className="small">Discard “{title}” and everything staged from it? </span>
          <button
            type="button"
            className="btn danger"
            disabled={busy}
            onClick={() => void discard()}
            data-testid="ingest-discard-confirm"
          >
            Discard
          </button>{' '}
          <button type="button" className="btn" disabled={busy} onClick={() => setAsking(false)}>
            Keep
          </button>
        </span>
      ) : (
        <button
          type="button"
          className="btn"
          title="Remove this staged article (only while nothing of it is accepted)"
          onClick={() => setAsking(true)}
          data-testid="ingest-discard-ask"
        >
          Discard…
        </button>
      )}
      {error ? (
        <span className="error-box" role="alert" data-testid="ingest-discard-error">
          {error}
        </span>
      ) : null}
    </span>
  );
}
