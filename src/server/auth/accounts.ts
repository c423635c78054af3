/**
 * Accounts, their bearer tokens and the session key, in the app's store (SQLite), so every API
 * process that opens the same store shares them: a cookie signed by one process is read by the
 * other, and a disabled user or a revoked token is refused by all of them at the next request.
 *
 * Passwords are hashed with argon2id (@node-rs/argon2, its recommended defaults). Tokens are 32
 * random bytes: a plain SHA-256 of them is enough (nothing to brute-force), and lets a request
 * find its token with one indexed read.
 */
import { createHash, randomBytes } from 'node:crypto';
import { hash as argonHash, verify as argonVerify } from '@node-rs/argon2';
import type { Statement } from 'better-sqlite3';
import type { AppStore } from '../../runtime/store/app-store';
import type { Role } from '../../shared/api/routes';

export interface Account {
  id: number;
  name: string;
  role: Role;
  disabled: boolean;
  /** Bumped to end every session of the account (password reset, disable, "sign out everywhere"). */
  sessionVersion: number;
  createdAt: string;
  lastLoginAt: string | null;
}

export interface TokenRecord {
  id: string;
  userId: number;
  label: string;
  /** A cap below the user's role; null = the user's role. */
  role: Role | null;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

const MIGRATIONS = [
  `CREATE TABLE auth_users (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     name TEXT NOT NULL UNIQUE COLLATE NOCASE,
     role TEXT NOT NULL CHECK (role IN ('viewer', 'editor', 'admin')),
     password_hash TEXT NOT NULL,
     disabled INTEGER NOT NULL DEFAULT 0,
     session_version INTEGER NOT NULL DEFAULT 1,
     created_at TEXT NOT NULL,
     updated_at TEXT NOT NULL,
     last_login_at TEXT
   );
   CREATE TABLE auth_tokens (
     id TEXT PRIMARY KEY,
     user_id INTEGER NOT NULL REFERENCES auth_users(id),
     label TEXT NOT NULL,
     hash TEXT NOT NULL UNIQUE,
     role TEXT CHECK (role IS NULL OR role IN ('viewer', 'editor', 'admin')),
     created_at TEXT NOT NULL,
     last_used_at TEXT,
     revoked_at TEXT
   );
   CREATE INDEX auth_tokens_user ON auth_tokens (user_id);
   -- Secrets the processes share (the session cookie key).
   CREATE TABLE auth_keys (name TEXT PRIMARY KEY, key BLOB NOT NULL, created_at TEXT NOT NULL);
   -- Attempt counters (sign-in rate limits), shared by the processes.
   CREATE TABLE auth_attempts (key TEXT PRIMARY KEY, count INTEGER NOT NULL, window_start INTEGER NOT NULL);`,
  // Sessions signed out before their cookie expired: a copy of such a cookie must not work again.
  `CREATE TABLE auth_ended_sessions (id TEXT PRIMARY KEY, expires_at INTEGER NOT NULL);`,
];

interface UserRow {
  id: number;
  name: string;
  role: Role;
  password_hash: string;
  disabled: number;
  session_version: number;
  created_at: string;
  last_login_at: string | null;
}

interface TokenRow {
  id: string;
  user_id: number;
  label: string;
  role: Role | null;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

const toAccount = (r: UserRow): Account => ({
  id: r.id,
  name: r.name,
  role: r.role,
  disabled: r.disabled === 1,
  sessionVersion: r.session_version,
  createdAt: r.created_at,
  lastLoginAt: r.last_login_at,
});

const toToken = (r: TokenRow): TokenRecord => ({
  id: r.id,
  userId: r.user_id,
  label: r.label,
  role: r.role,
  createdAt: r.created_at,
  lastUsedAt: r.last_used_at,
  revokedAt: r.revoked_at,
});

export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** A hash to verify against when the name is unknown, so a wrong name costs what a wrong password does. */
let dummyHash: Promise<string> | null = null;

export class Accounts {
  constructor(
    readonly store: AppStore,
    private readonly now: () => Date = () => new Date(),
  ) {
    store.migrate('auth', MIGRATIONS);
  }

  private get db() {
    return this.store.db;
  }

  /** Reads made on every request are compiled once (preparing one costs about what running it does). */
  private readonly statements = new Map<string, Statement<unknown[]>>();
  private stmt(sql: string) {
    let s = this.statements.get(sql);
    if (!s) this.statements.set(sql, (s = this.db.prepare<unknown[]>(sql)));
    return s;
  }

  private iso(): string {
    return this.now().toISOString();
  }

  /** True once any account exists (disabled ones count: accounts never fall back to the local mode). Cost: one indexed read. */
  any(): boolean {
    return (this.stmt('SELECT EXISTS (SELECT 1 FROM auth_users) AS x').get() as { x: number }).x === 1;
  }

  list(): Array<Account & { tokens: number }> {
    const rows = this.db
      .prepare(
        `SELECT u.*, (SELECT count(*) FROM auth_tokens t WHERE t.user_id = u.id AND t.revoked_at IS NULL) AS tokens
         FROM auth_users u ORDER BY u.name`,
      )
      .all() as Array<UserRow & { tokens: number }>;
    return rows.map((r) => ({ ...toAccount(r), tokens: r.tokens }));
  }

  get(name: string): Account | null {
    const r = this.db.prepare('SELECT * FROM auth_users WHERE name = ?').get(name) as UserRow | undefined;
    return r ? toAccount(r) : null;
  }

  byId(id: number): Account | null {
    const r = this.stmt('SELECT * FROM auth_users WHERE id = ?').get(id) as UserRow | undefined;
    return r ? toAccount(r) : null;
  }

  countAdmins(excluding?: number): number {
    return (
      this.db
        .prepare("SELECT count(*) AS n FROM auth_users WHERE role = 'admin' AND disabled = 0 AND id IS NOT ?")
        .get(excluding ?? null) as { n: number }
    ).n;
  }

  /** Adds an account. Throws AccountError when the name is taken or the first account is not an admin. Cost: one argon2 hash (~50 ms). */
  async add(name: string, role: Role, password: string): Promise<Account> {
    const hash = await argonHash(password);
    const at = this.iso();
    const insert = this.db.transaction(() => {
      if (!this.any() && role !== 'admin')
        throw new AccountError(
          'FIRST_NOT_ADMIN',
          'The first account must be an admin: adding it turns sign-in on, and someone must be able to manage the others.',
        );
      if (this.get(name)) throw new AccountError('EXISTS', `There is already an account named "${name}".`);
      this.db
        .prepare('INSERT INTO auth_users (name, role, password_hash, created_at, updated_at) VALUES (?, ?, ?, ?, ?)')
        .run(name, role, hash, at, at);
    });
    insert.immediate();
    return this.get(name)!;
  }

  /** Checks a name and password; null when either is wrong or the account is disabled. Cost: one argon2 verify. */
  async verifyPassword(name: string, password: string): Promise<Account | null> {
    const r = this.db.prepare('SELECT * FROM auth_users WHERE name = ?').get(name) as UserRow | undefined;
    if (!r) {
      await argonVerify(await (dummyHash ??= argonHash(randomBytes(16).toString('hex'))), password).catch(() => false);
      return null;
    }
    const ok = await argonVerify(r.password_hash, password).catch(() => false);
    if (!ok || r.disabled) return null;
    this.db.prepare('UPDATE auth_users SET last_login_at = ? WHERE id = ?').run(this.iso(), r.id);
    return toAccount(r);
  }

  /** Role, disabled flag, or a new session version. Refuses to leave no enabled admin. */
  update(name: string, patch: { role?: Role; disabled?: boolean; signOutEverywhere?: boolean }): Account {
    const tx = this.db.transaction(() => {
      const u = this.get(name);
      if (!u) throw new AccountError('NOT_FOUND', `No account named "${name}".`);
      const losesAdmin = u.role === 'admin' && ((patch.role && patch.role !== 'admin') || patch.disabled === true);
      if (losesAdmin && this.countAdmins(u.id) === 0)
        throw new AccountError('LAST_ADMIN', 'This is the last enabled admin: add or enable another admin first.');
      const bump = patch.disabled === true || patch.signOutEverywhere === true;
      this.db
        .prepare(
          `UPDATE auth_users SET role = ?, disabled = ?, session_version = session_version + ?, updated_at = ? WHERE id = ?`,
        )
        .run(patch.role ?? u.role, (patch.disabled ?? u.disabled) ? 1 : 0, bump ? 1 : 0, this.iso(), u.id);
      return this.byId(u.id)!;
    });
    return tx.immediate();
  }

  /** Sets a new password and ends every session of the account. Cost: one argon2 hash. */
  async setPassword(name: string, password: string): Promise<Account> {
    const hash = await argonHash(password);
    const r = this.db
      .prepare(
        'UPDATE auth_users SET password_hash = ?, session_version = session_version + 1, updated_at = ? WHERE name = ?',
      )
      .run(hash, this.iso(), name);
    if (r.changes === 0) throw new AccountError('NOT_FOUND', `No account named "${name}".`);
    // Guesses at the old password no longer matter: a name locked by them (by anyone) is free again.
    this.clearAttempts(failedSignInKey(name));
    return this.get(name)!;
  }

  // ------------------------------------------------------------------ bearer tokens

  /** A new token for `name`; `secret` (or a fresh random one) is returned once and stored hashed. */
  createToken(
    name: string,
    label: string,
    role: Role | null = null,
    secret = `ngt_${randomBytes(32).toString('base64url')}`,
  ): { token: TokenRecord; secret: string } {
    const u = this.get(name);
    if (!u) throw new AccountError('NOT_FOUND', `No account named "${name}".`);
    const id = randomBytes(6).toString('hex');
    try {
      this.db
        .prepare('INSERT INTO auth_tokens (id, user_id, label, hash, role, created_at) VALUES (?, ?, ?, ?, ?, ?)')
        .run(id, u.id, label, sha256(secret), role, this.iso());
    } catch (e) {
      if (/UNIQUE/.test(String(e))) throw new AccountError('EXISTS', 'That token is already registered.');
      throw e;
    }
    return { token: this.token(id)!, secret };
  }

  token(id: string): TokenRecord | null {
    const r = this.db.prepare('SELECT * FROM auth_tokens WHERE id = ?').get(id) as TokenRow | undefined;
    return r ? toToken(r) : null;
  }

  tokens(name: string): TokenRecord[] {
    const u = this.get(name);
    if (!u) throw new AccountError('NOT_FOUND', `No account named "${name}".`);
    return (
      this.db.prepare('SELECT * FROM auth_tokens WHERE user_id = ? ORDER BY created_at DESC').all(u.id) as TokenRow[]
    ).map(toToken);
  }

  revokeToken(name: string, id: string): TokenRecord {
    const u = this.get(name);
    const t = this.token(id);
    if (!u || !t || t.userId !== u.id) throw new AccountError('NOT_FOUND', `No token ${id} for "${name}".`);
    this.db.prepare('UPDATE auth_tokens SET revoked_at = coalesce(revoked_at, ?) WHERE id = ?').run(this.iso(), id);
    return this.token(id)!;
  }

  /** The live token with this secret and its account; null when unknown, revoked or the account is disabled. Cost: one indexed read. */
  resolveToken(secret: string): { token: TokenRecord; account: Account } | null {
    const r = this.stmt('SELECT * FROM auth_tokens WHERE hash = ?').get(sha256(secret)) as TokenRow | undefined;
    if (!r || r.revoked_at) return null;
    const account = this.byId(r.user_id);
    if (!account || account.disabled) return null;
    // At most one write a minute per token: the "last used" column is for people, not an access log.
    this.db
      .prepare(
        "UPDATE auth_tokens SET last_used_at = ? WHERE id = ? AND (last_used_at IS NULL OR last_used_at < strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-1 minute'))",
      )
      .run(this.iso(), r.id);
    return { token: toToken(r), account };
  }

  // ------------------------------------------------------------------ shared secrets and counters

  /** The named key (created once, by whichever process comes first). */
  key(name: string, bytes = 32): Buffer {
    this.db
      .prepare('INSERT OR IGNORE INTO auth_keys (name, key, created_at) VALUES (?, ?, ?)')
      .run(name, randomBytes(bytes), this.iso());
    return (this.db.prepare('SELECT key FROM auth_keys WHERE name = ?').get(name) as { key: Buffer }).key;
  }

  /** Marks a session id as signed out until `expiresAt` (ms; when its cookie expires anyway). Drops expired marks. */
  endSession(id: string, expiresAt: number): void {
    this.db.prepare('DELETE FROM auth_ended_sessions WHERE expires_at < ?').run(this.now().getTime());
    this.db.prepare('INSERT OR REPLACE INTO auth_ended_sessions (id, expires_at) VALUES (?, ?)').run(id, expiresAt);
  }

  /** Whether the session was signed out. Cost: one indexed read. */
  sessionEnded(id: string): boolean {
    return !!this.stmt('SELECT 1 FROM auth_ended_sessions WHERE id = ?').get(id);
  }

  /**
   * Counts one attempt under `key` in a fixed window of `windowMs`; returns the count in the
   * window and the ms left in it. Shared by every process on the store. Cost: one small write.
   */
  hit(key: string, windowMs: number): { count: number; ttl: number } {
    const now = this.now().getTime();
    const tx = this.db.transaction(() => {
      const row = this.db.prepare('SELECT count, window_start FROM auth_attempts WHERE key = ?').get(key) as
        { count: number; window_start: number } | undefined;
      if (!row || row.window_start + windowMs <= now) {
        this.db
          .prepare('INSERT OR REPLACE INTO auth_attempts (key, count, window_start) VALUES (?, 1, ?)')
          .run(key, now);
        return { count: 1, ttl: windowMs };
      }
      this.db.prepare('UPDATE auth_attempts SET count = count + 1 WHERE key = ?').run(key);
      return { count: row.count + 1, ttl: row.window_start + windowMs - now };
    });
    return tx.immediate();
  }

  /** Attempts counted under `key` in the current window (0 when none). */
  peek(key: string, windowMs: number): number {
    const row = this.db.prepare('SELECT count, window_start FROM auth_attempts WHERE key = ?').get(key) as
      { count: number; window_start: number } | undefined;
    return row && row.window_start + windowMs > this.now().getTime() ? row.count : 0;
  }

  clearAttempts(key: string): void {
    this.db.prepare('DELETE FROM auth_attempts WHERE key = ?').run(key);
  }
}

/** Where failed sign-ins for one name are counted, whatever the address they come from. */
export const failedSignInKey = (name: string): string => `name:${name.toLowerCase()}`;

export class AccountError extends Error {
  override name = 'AccountError';
  constructor(
    readonly code: 'EXISTS' | 'NOT_FOUND' | 'FIRST_NOT_ADMIN' | 'LAST_ADMIN',
    message: string,
  ) {
    super(message);
  }
}
