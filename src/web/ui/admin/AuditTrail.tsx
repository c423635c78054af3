import { useEffect, useState } from 'react';
import type { AuditEntryWire } from '../../../shared/api';
import { describeError } from '../../api/client';
import { useExplorer } from '../context';
import { auditChanges, auditTarget, auditWhen, auditWhy } from './audit-format';
import { describeOrigin } from './audit-origin';
import { auditMerge } from './audit-merge';
import { UndoMerge } from '../detail/UndoMerge';
import { useMayEdit } from '../shell/useSession';

/** The audit trail, newest first, filtered by action or person; each change as "field: old → new". */
export function AuditTrail() {
  const { api } = useExplorer();
  const [entries, setEntries] = useState<AuditEntryWire[]>([]);
  const [filter, setFilter] = useState({ action: '', actor: '' });
  const [error, setError] = useState<string | null>(null);
  // Bumped after an undo from this list: the list is read again (the merge now says it was undone).
  const [reads, setReads] = useState(0);
  const mayEdit = useMayEdit();
  useEffect(() => {
    let live = true;
    api.audit({ action: filter.action || undefined, actor: filter.actor || undefined, limit: 100 }).then(
      (r) => live && setEntries(r.entries),
      (e: unknown) => live && setError(describeError(e)),
    );
    return () => {
      live = false;
    };
  }, [api, filter, reads]);
  const now = new Date();
  return (
    <div style={{ marginTop: 12 }}>
      <div className="row" style={{ gap: 6 }}>
        <input
          className="input"
          placeholder='Action ("user." for every user change)'
          value={filter.action}
          onChange={(e) => setFilter({ ...filter, action: e.target.value })}
          data-testid="audit-filter-action"
        />
        <input
          className="input"
          placeholder="Person"
          value={filter.actor}
          onChange={(e) => setFilter({ ...filter, actor: e.target.value })}
          data-testid="audit-filter-actor"
        />
      </div>
      {error ? (
        <div className="error-box" role="alert">
          {error}
        </div>
      ) : null}
      <div className="admin-scroll">
        <table className="admin-table" data-testid="audit-entries">
          <thead>
            <tr>
              <th>When</th>
              <th>Who</th>
              <th>Via</th>
              <th>What</th>
              <th>Target</th>
              <th>Change</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => {
              const via = describeOrigin(e.origin);
              const when = auditWhen(e.at, now);
              const target = auditTarget(e);
              const changes = auditChanges(e.before, e.after);
              const why = auditWhy(e.detail);
              const merge = auditMerge(e, now);
              return (
                <tr key={e.id} data-testid="audit-entry">
                  <td className="small nowrap" title={when.title} data-testid="audit-entry-when">
                    {when.text}
                  </td>
                  <td>{e.actor}</td>
                  <td className="small" title={via.title} data-testid="audit-entry-via">
                    {via.text}
                  </td>
                  <td className="nowrap">{e.action}</td>
                  <td title={target.title} data-testid="audit-entry-target">
                    {target.text}
                  </td>
                  <td className="small" title={JSON.stringify(e.detail ?? null)} data-testid="audit-entry-change">
                    {changes.length ? (
                      <ul className="audit-changes">
                        {changes.map((c, i) => (
                          <li key={i}>{c}</li>
                        ))}
                      </ul>
                    ) : null}
                    {why.map((w, i) => (
                      <div key={i} className="muted" data-testid="audit-entry-why">
                        {w}
                      </div>
                    ))}
                    {merge && 'undone' in merge ? (
                      <div className="muted" data-testid="audit-entry-undone">
                        {merge.undone}
                      </div>
                    ) : null}
                    {merge && 'offer' in merge && mayEdit ? (
                      <UndoMerge offer={merge.offer} testId="audit-undo-merge" onDone={() => setReads((n) => n + 1)} />
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
