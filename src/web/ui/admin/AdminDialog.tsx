import { useCallback, useEffect, useState } from 'react';
import type { User } from '../../../shared/api';
import type { Role } from '../../../shared/api/routes';
import { describeError } from '../../api/client';
import { useExplorer } from '../context';
import { useModalFocus } from '../shell/useModalFocus';
import { AuditTrail } from './AuditTrail';
import { Backups } from './Backups';
import './admin.css';

const ROLES: Role[] = ['viewer', 'editor', 'admin'];

/** Accounts (add, change the role, disable), the audit trail (filter by action or person) and backups. */
export function AdminDialog({ onClose }: { onClose: () => void }) {
  const [tab, setTab] = useState<'users' | 'audit' | 'backups'>('users');
  const box = useModalFocus<HTMLDivElement>(true, onClose);
  return (
    <div className="modal-backdrop" role="dialog" aria-modal="true" aria-labelledby="admin-title">
      <div className="modal admin-modal" ref={box} tabIndex={-1} data-testid="admin-dialog">
        <div className="row" style={{ justifyContent: 'space-between', marginBottom: 8 }}>
          <h2 id="admin-title">Administration</h2>
          <button className="btn" onClick={onClose} data-testid="admin-close">
            Close
          </button>
        </div>
        <div className="seg" role="tablist" aria-label="Administration">
          {(['users', 'audit', 'backups'] as const).map((t) => (
            <button
              key={t}
              role="tab"
              aria-selected={tab === t}
              className={tab === t ? 'on' : ''}
              onClick={() => setTab(t)}
              data-testid={`admin-tab-${t}`}
            >
              {t === 'users' ? 'Users' : t === 'audit' ? 'Audit trail' : 'Backups'}
            </button>
          ))}
        </div>
        {tab === 'users' ? <Users /> : tab === 'audit' ? <AuditTrail /> : <Backups />}
      </div>
    </div>
  );
}

function Users() {
  const { api } = useExplorer();
  const [users, setUsers] = useState<User[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [form, setForm] = useState({ name: '', role: 'viewer' as Role, password: '' });
  const reload = useCallback(
    () =>
      api.users().then(
        (r) => setUsers(r.users),
        (e: unknown) => setError(describeError(e)),
      ),
    [api],
  );
  useEffect(() => void reload(), [reload]);
  const act = (p: Promise<unknown>) =>
    p.then(
      () => {
        setError(null);
        return reload();
      },
      (e: unknown) => setError(describeError(e)),
    );
  return (
    <div style={{ marginTop: 12 }}>
      {error ? (
        <div className="error-box" role="alert" data-testid="admin-error">
          {error}
        </div>
      ) : null}
      <table className="admin-table" data-testid="admin-users">
        <thead>
          <tr>
            <th>Name</th>
            <th>Role</th>
            <th>Last sign-in</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.name} data-testid={`admin-user-${u.name}`} className={u.disabled ? 'muted' : ''}>
              <td>{u.name}</td>
              <td>
                <select
                  className="input"
                  value={u.role}
                  aria-label={`Role of ${u.name}`}
                  onChange={(e) => void act(api.updateUser(u.name, { role: e.target.value as Role }))}
                >
                  {ROLES.map((r) => (
                    <option key={r}>{r}</option>
                  ))}
                </select>
              </td>
              <td className="small">{u.lastLoginAt?.slice(0, 16).replace('T', ' ') ?? '—'}</td>
              <td>
                <button className="btn" onClick={() => void act(api.updateUser(u.name, { disabled: !u.disabled }))}>
                  {u.disabled ? 'Enable' : 'Disable'}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form
        className="row"
        style={{ gap: 6, marginTop: 10, flexWrap: 'wrap' }}
        onSubmit={(e) => {
          e.preventDefault();
          void act(api.addUser(form)).then(() => setForm({ name: '', role: 'viewer', password: '' }));
        }}
      >
        <input
          className="input"
          placeholder="Name"
          value={form.name}
          onChange={(e) => setForm({ ...form, name: e.target.value })}
          data-testid="admin-add-name"
        />
        <select
          className="input"
          value={form.role}
          onChange={(e) => setForm({ ...form, role: e.target.value as Role })}
          data-testid="admin-add-role"
        >
          {ROLES.map((r) => (
            <option key={r}>{r}</option>
          ))}
        </select>
        <input
          className="input"
          type="password"
          autoComplete="new-password"
          placeholder="Password (10+ characters)"
          value={form.password}
          onChange={(e) => setForm({ ...form, password: e.target.value })}
          data-testid="admin-add-password"
        />
        <button className="btn primary" type="submit" data-testid="admin-add-submit">
          Add user
        </button>
      </form>
    </div>
  );
}
