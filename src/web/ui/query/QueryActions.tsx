import { useState } from 'react';
import type { SavedQuery } from '../../../shared/api';
import { describeError } from '../../api/client';
import { savedQueryLocked } from '../../core/query/may-change';
import { useApp, useExplorer } from '../context';
import { useSession } from '../shell/useSession';

/**
 * Save over / Delete for a query saved with this database, shown to editors. Disabled, saying
 * why, when the server would refuse the signed-in user (another editor's query); a refusal that
 * comes anyway (the list was stale) shows the server's message.
 */
export function QueryActions({ q, onError }: { q: SavedQuery; onError: (message: string | null) => void }) {
  const explorer = useExplorer();
  const user = useSession()?.user ?? null;
  const cypher = useApp((s) => s.drawer.cypher);
  const [busy, setBusy] = useState(false);
  const locked = savedQueryLocked(q, user);
  const act = async (work: () => Promise<unknown>) => {
    setBusy(true);
    onError(null);
    try {
      await work();
    } catch (e) {
      onError(describeError(e));
    } finally {
      setBusy(false);
    }
  };
  const saveOver = () =>
    act(() =>
      explorer.saveQuery({
        name: q.name,
        title: q.title,
        description: q.description,
        group: q.group,
        cypher,
        params: Object.fromEntries(Object.entries(explorer.state.drawer.params)),
        replace: true,
      }),
    );
  const remove = () => {
    if (window.confirm(`Delete the saved query “${q.title}”?`)) void act(() => explorer.deleteQuery(q.name));
  };
  const noCypher = cypher.trim() ? null : 'Write the new query in the Cypher drawer first.';
  return (
    <div className="qitem-actions small">
      <button
        className="link small"
        disabled={busy || !!locked || !!noCypher}
        title={locked ?? noCypher ?? `Save the Cypher drawer's query as “${q.title}”, replacing it.`}
        aria-label={`Save over “${q.title}”`}
        onClick={() => void saveOver()}
        data-testid={`query-save-over-${q.name}`}
      >
        Save over
      </button>
      <button
        className="link small"
        disabled={busy || !!locked}
        title={locked ?? `Delete “${q.title}”.`}
        aria-label={`Delete “${q.title}”`}
        onClick={remove}
        data-testid={`query-delete-${q.name}`}
      >
        Delete
      </button>
    </div>
  );
}
