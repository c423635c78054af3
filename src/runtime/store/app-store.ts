/**
 * The app's own store: one SQLite file in NEWSGRAPH_DATA_DIR (default .data/app.sqlite). What lives
 * here is the app's, never the user's graph: users and keys, perspectives, staged ingest candidates
 * and judgements, the audit trail. The app never writes to a database it did not seed, so anything
 * it must remember about someone else's graph is kept here.
 *
 * Several API processes on one host share the file: WAL mode lets readers run beside one writer,
 * and a busy timeout makes a second writer wait instead of failing; while another process restores
 * a backup (which holds the lock as long as its copy takes), writes wait for it (restore-wait.ts).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { waitOutRestores } from './restore-wait';

export type SqliteDb = Database.Database;

export interface AppStore {
  readonly db: SqliteDb;
  /** The file, or ':memory:'. */
  readonly file: string;
  /**
   * Brings one module's tables up to date: `steps[i]` is the SQL of version i+1, applied in order,
   * each in its own transaction, once. Modules own their tables (prefix them with the module name).
   * Cost: one indexed read when nothing is pending.
   */
  migrate(module: string, steps: readonly string[]): void;
  close(): void;
}

export const APP_STORE_FILE = 'app.sqlite';

/**
 * Opens (creating when needed) the store in `dir`; `':memory:'` for a private in-memory one.
 * `busyTimeoutMs`: how long a write waits for another process's (5 s; tests shorten it).
 */
export function openAppStore(dir: string, opts: { busyTimeoutMs?: number } = {}): AppStore {
  let file = ':memory:';
  if (dir !== ':memory:') {
    mkdirSync(dir, { recursive: true });
    file = join(dir, APP_STORE_FILE);
  }
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma(`busy_timeout = ${Math.max(0, Math.round(opts.busyTimeoutMs ?? 5000))}`);
  db.pragma('foreign_keys = ON');
  waitOutRestores(db, file);
  db.prepare('CREATE TABLE IF NOT EXISTS store_migrations (module TEXT PRIMARY KEY, version INTEGER NOT NULL)').run();
  const current = db.prepare<[string], { version: number }>('SELECT version FROM store_migrations WHERE module = ?');
  const record = db.prepare(
    'INSERT INTO store_migrations (module, version) VALUES (?, ?) ON CONFLICT(module) DO UPDATE SET version = excluded.version',
  );
  return {
    db,
    file,
    migrate(module, steps) {
      // IMMEDIATE: two processes starting at once must not both apply a step.
      const apply = db.transaction((i: number) => {
        const now = current.get(module)?.version ?? 0;
        if (now > i) return;
        db.exec(steps[i]!);
        record.run(module, i + 1);
      });
      for (let i = current.get(module)?.version ?? 0; i < steps.length; i++) apply.immediate(i);
    },
    close: () => db.close(),
  };
}
