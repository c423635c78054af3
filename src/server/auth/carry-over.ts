/**
 * What a restore keeps of the live accounts' state: the accounts, roles, passwords and tokens
 * come back as in the backup, but whatever ended someone's access since the backup stays ended.
 * A restore is no way to reopen a session signed out, a token revoked or sessions ended
 * everywhere (a password change, a disable), and the sign-in throttling goes on counting. Each
 * of these only takes access away, so keeping them never grants anything the backup did not.
 */
import type { AppStore, SqliteDb } from '../../runtime/store/app-store';
import { Accounts } from './accounts';

const hasTable = (db: SqliteDb, name: string) =>
  db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;

/**
 * Carries into `into` (the store about to be restored) the live store `from`'s sign-outs, token
 * revocations, session versions (per account, matched by id and name) and throttling counters.
 * Run inside the restore's transaction. Cost: one pass over the live auth tables.
 */
export function carryOverAccess(into: AppStore, from: SqliteDb, now = Date.now()): void {
  if (!hasTable(from, 'auth_users')) return;
  new Accounts(into); // brings `into`'s tables up to the current version, as the processes expect them
  const db = into.db;
  const version = db.prepare(
    'UPDATE auth_users SET session_version = max(session_version, ?) WHERE id = ? AND name = ?',
  );
  for (const r of from.prepare('SELECT id, name, session_version FROM auth_users').all() as {
    id: number;
    name: string;
    session_version: number;
  }[])
    version.run(r.session_version, r.id, r.name);
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
