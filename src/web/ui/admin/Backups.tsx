import { useCallback, useEffect, useState } from 'react';
import type { BackupsListResponse } from '../../../shared/api';
import { createBackup, listBackups } from '../../api/backups';
import { describeError } from '../../api/client';
import { useExplorer } from '../context';
import { auditWhen } from './audit-format';

const size = (bytes: number) =>
  bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1e3))} kB`;

/** Backups: the list (newest first) and "Back up now". Restoring stays a console command (npm run db:restore). */
export function Backups() {
  const { api } = useExplorer();
  const [list, setList] = useState<BackupsListResponse | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(
    () =>
      listBackups().then(
        (r) => setList(r),
        (e: unknown) => setError(describeError(e)),
      ),
    [],
  );
  useEffect(() => void reload(), [reload]);
  const now = new Date();
  return (
    <div style={{ marginTop: 12 }} data-testid="admin-backups">
      <div className="row" style={{ gap: 8, alignItems: 'center' }}>
        <button
          className="btn primary"
          disabled={busy}
          data-testid="backup-create"
          onClick={() => {
            setBusy(true);
            setError(null);
            void createBackup(api)
              .then(reload, (e: unknown) => setError(describeError(e)))
              .finally(() => setBusy(false));
          }}
        >
          {busy ? 'Backing up…' : 'Back up now'}
        </button>
        <span className="small muted">
          The managed graph is unavailable for the few seconds of its dump. Restore from the console:{' '}
          <code>npm run db:restore -- FILE</code>.
        </span>
      </div>
      {error ? (
        <div className="error-box" role="alert" data-testid="backup-error">
          {error}
        </div>
      ) : null}
      {list ? (
        <p className="small muted">
          In {list.dir}
          {list.schedule.every
            ? `; every ${list.schedule.every}, keeping the newest ${list.schedule.keep}`
            : '; no schedule'}
          .
        </p>
      ) : null}
      <div className="admin-scroll">
        <table className="admin-table" data-testid="backup-list">
          <thead>
            <tr>
              <th>When</th>
              <th>File</th>
              <th>Size</th>
              <th>Graph</th>
            </tr>
          </thead>
          <tbody>
            {list?.backups.map((b) => {
              const when = auditWhen(b.at, now);
              return (
                <tr key={b.file} data-testid="backup-row">
                  <td className="small nowrap" title={when.title}>
                    {when.text}
                  </td>
                  <td className="mono">{b.file}</td>
                  <td className="small">{size(b.bytes)}</td>
                  <td className="small" title={b.fingerprint ?? ''}>
                    {b.graph === 'dump' ? 'included' : 'app store only'}
                  </td>
                </tr>
              );
            })}
            {list && !list.backups.length ? (
              <tr>
                <td colSpan={4} className="small muted">
                  No backups yet.
                </td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
    </div>
  );
}
