/**
 * What a restore keeps of the live accounts' state: the accounts and tokens come back as in the
 * backup, but whatever ended someone's access since the backup stays ended. A restore is no way
 * to reopen a session signed out, a token revoked, sessions ended everywhere, an account
 * disabled or a role lowered, nor to bring back a password that was replaced; the sign-in
 * throttling goes on counting. Each account gets no more access than both stores give it (the
 * one exception: the last enabled admin stays one), so nothing is granted that the backup did not.
 */
import type { AppStore, SqliteDb } from '../../runtime/store/app-store';
import type { Role } from '../../shared/api/routes';
import { Accounts } from './accounts';

const RANK: Record<Role, number> = { viewer: 0, editor: 1, admin: 2 };

interface UserRow {
  id: number;
  name: string;
  role: Role;
  disabled: number;
  password_hash: string;
  session_version: number;
}

const hasTable = (db: SqliteDb, name: string) =>
  db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;

/**
 * Carries into `into` (the store about to be restored) the live store `from`'s sign-outs, token
 * revocations, throttling counters and, per account in both (matched by id and name), the
 * lesser role, the disabled flag, the password and the session version.
 * Run inside the restore's transaction. Cost: one pass over the live auth tables.
 */
export function carryOverAccess(into: AppStore, from: SqliteDb, now = Date.now()): void {
  if (!hasTable(from, 'auth_users')) return;
  new Accounts(into); // brings `into`'s tables up to the current version, as the processes expect them
  const db = into.db;
  const restored = db.prepare('SELECT role, disabled FROM auth_users WHERE id = ? AND name = ?');
  const enabledAdmins = db.prepare(
    "SELECT count(*) AS n FROM auth_users WHERE role = 'admin' AND disabled = 0 AND id != ?",
  );
  const update = db.prepare(
    `UPDATE auth_users SET role = ?, disabled = ?, password_hash = ?,
       session_version = max(session_version, ?) WHERE id = ?`,
  );
  for (const r of from
    .prepare('SELECT id, name, role, disabled, password_hash, session_version FROM auth_users ORDER BY id')
    .all() as UserRow[]) {
    const was = restored.get(r.id, r.name) as { role: Role; disabled: number } | undefined;
    if (!was) continue;
    // The lesser of the two roles, disabled if either is; but an admin is never taken away
    // when it is the last enabled one (a restore must not lock everyone out).
    let role = RANK[r.role] < RANK[was.role] ? r.role : was.role;
    let disabled = r.disabled || was.disabled ? 1 : 0;
    const losesAdmin = was.role === 'admin' && !was.disabled && (role !== 'admin' || disabled);
    if (losesAdmin && (enabledAdmins.get(r.id) as { n: number }).n === 0) [role, disabled] = ['admin', 0];
    // The live password is the one in use: the backup's may be the one it replaced.
    update.run(role, disabled, r.password_hash, r.session_version, r.id);
  }
  const revoke = db.prepare('UPDATE auth_tokens SET revoked_at = ? WHERE id = ? AND hash = ? AND revoked_at IS NULL');
  for (const r of from.prepare('SELECT id, hash, revoked_at FROM auth_tokens WHERE revoked_at IS NOT NULL').all() as {
    id: string;
    hash: string;
    revoked_at: string;
  }[])
    revoke.run(r.revoked_at, r.id, r.hash);
  if (hasTable(from, 'auth_ended_sessions')) {
    const end = db.prepare('INSERT OR IGNORE INTO auth_ended_sessions (id, expires_at) VALUES (?, ?)');
    for (const r of from.prepare('SELECT id, expires_at FROM auth_ended_sessions WHERE expires_at >= ?').all(now) as {
      id: string;
      expires_at: number;
    }[])
      end.run(r.id, r.expires_at);
  }
  // The live counters are the current ones: what the backup counted is long past its window.
  const count = db.prepare('INSERT OR REPLACE INTO auth_attempts (key, count, window_start) VALUES (?, ?, ?)');
  for (const r of from.prepare('SELECT key, count, window_start FROM auth_attempts').all() as {
    key: string;
    count: number;
    window_start: number;
  }[])
    count.run(r.key, r.count, r.window_start);
}
