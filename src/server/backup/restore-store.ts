/**
 * The app store half of a restore: the backup's store replaces the live one, except that the
 * audit trail only grows (audit/carry-over.ts), what ended access since stays ended
 * (auth/carry-over.ts), saved views stay, merges made since stay mapped unless their graph was
 * restored too (node-edit/merge-map-carry-over.ts), and no id is handed out twice. The rest (the accounts
 * and tokens themselves, perspectives, saved queries, ingest staging) is the backup's, as it was:
 * it goes with the graph.
 * The carrying over and the restore's own audit entry are done in one transaction on a private
 * copy of the backup's store, which then replaces the live store's content in one SQLite backup
 * (a single write transaction on the live file). So an interrupted restore leaves either the old store with its whole trail, or the restored store with
 * the whole trail and the restore entry: never a trail with entries lost or doubled.
 *
 * Other API processes keep writing to the live store meanwhile. The live trail is carried over
 * whole first, lock-free; then the entries written since are read while the backup's own write
 * transaction on the live file is open (SQLite's backup holds it from its first step to its last):
 * from then until the copy commits no other process can commit anything, so what is read is the
 * trail's last state, and a writer that comes after waits and writes into the restored store. It
 * waits as long as the restore takes, not just the busy timeout: the restore leaves a marker that
 * other processes' writes check when the store stays busy (runtime/store/restore-wait.ts).
 * A lock of our own cannot do it: the backup needs the live file's
 * write lock itself, and SQLite refuses a backup into a connection with a transaction open.
 * Writers watching for a swapped file cannot either: the file is the same, only its pages change.
 *
 * Why not a file of its own for the trail, left alone by a restore: every write records its entry
 * in the same store as the change, a backup would need a second file kept consistent with the
 * first, and a store restored on a new machine would come without its history. Carrying the
 * entries over keeps one file and one backup.
 */
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { APP_STORE_FILE, openAppStore, type AppStore, type SqliteDb } from '../../runtime/store/app-store';
import { markRestore } from '../../runtime/store/restore-wait';
import { createAudit, type Audit } from '../audit/audit';
import { carryOverAudit, carryOverAuditSince, trailMark } from '../audit/carry-over';
import { carryOverAccess } from '../auth/carry-over';
import { carryOverMergeMap } from '../resources/node-edit/merge-map-carry-over';
import { carryOverViews } from '../resources/views/store';

/** Where the live store is: the open store's file, else NEWSGRAPH_DATA_DIR's. */
export const liveStoreFile = (t: { dataDir: string; store?: AppStore | null }) =>
  t.store && t.store.file !== ':memory:' ? t.store.file : join(t.dataDir, APP_STORE_FILE);

/** How long a restore tries to get the live store's write lock between other processes' writes. */
const LOCK_WAIT_MS = 30_000;
/** Every page in one step: the lock is held for one copy, not across turns of the event loop. */
const ALL_PAGES = 0x7fffffff;

const hasTable = (db: SqliteDb, name: string) =>
  db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;

/**
 * No id is handed out twice: every AUTOINCREMENT counter of `into` moves up to `from`'s. Ids made
 * since the backup live on outside the store (a session cookie names its account by id, the
 * trail names accepts by id), so a restored counter must not hand them out again.
 */
function carryOverSequences(into: SqliteDb, from: SqliteDb): void {
  if (!hasTable(from, 'sqlite_sequence') || !hasTable(into, 'sqlite_sequence')) return;
  const raise = into.prepare('UPDATE sqlite_sequence SET seq = max(seq, ?) WHERE name = ?');
  const add = into.prepare('INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)');
  for (const { name, seq } of from.prepare('SELECT name, seq FROM sqlite_sequence').all() as {
    name: string;
    seq: number;
  }[])
    if (hasTable(into, name) && raise.run(seq, name).changes === 0) add.run(name, seq);
}

/**
 * Copies `src` over the database file `dest` with SQLite's backup API, calling `locked` (which
 * may change `src`) once the backup holds `dest`'s write lock and before any page is copied.
 * better-sqlite3's first step copies no page, and it calls `progress` only after a step that
 * succeeded, so the call proves the lock is held. A first step that finds another writer holding
 * the lock returns SQLITE_BUSY, which better-sqlite3 takes for "done" (nothing was copied, no
 * `progress`): that is tried again, a few ms later, until LOCK_WAIT_MS.
 */
async function backupLocked(src: SqliteDb, dest: string, locked: () => void): Promise<void> {
  const until = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    let held = false;
    await src.backup(dest, {
      progress: () => {
        if (!held) {
          held = true;
          locked();
        }
        return ALL_PAGES;
      },
    });
    if (held) return;
    if (Date.now() > until)
      throw new Error(`the app store ${dest} stayed busy for ${LOCK_WAIT_MS / 1000} s: nothing was restored`);
    await new Promise((r) => setTimeout(r, 5 + Math.random() * 20));
  }
}

/**
 * The copy went into the live store's write-ahead log: moved into the file now, by the restore,
 * rather than by the commit of the next write after it (seconds for a large store). Other
 * processes write meanwhile: a passive checkpoint never makes them wait.
 */
function checkpoint(dest: string, own: SqliteDb | null): void {
  const db = own ?? new Database(dest, { fileMustExist: true });
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } finally {
    if (db !== own) db.close();
  }
}

/** What may take as long as the copy: a generous 10 MB a second, and a minute more. */
const copyBoundMs = (file: string) => 60_000 + statSync(file).size / 10_000;

/** Every carry-over but the trail's (which goes first: the merge map names its ids), and the counters: cheap, so run again under the lock. */
function carryOverRest(copy: AppStore, live: SqliteDb, graphRestored: string | null): void {
  carryOverAccess(copy, live);
  carryOverViews(copy, live);
  carryOverMergeMap(copy, live, graphRestored);
  carryOverSequences(copy.db, live);
}

/**
 * Replaces the live store with `backupFile` (an app.sqlite extracted from a backup; it is
 * changed), keeping the live audit trail and appending what `restored` records. Through SQLite's
 * backup API, so processes with the store open see the new content. `graphRestored`: the database
 * (its store identity) whose graph was restored from the same backup, whose merge map is then the
 * backup's; every other database's merges since the backup are kept (merge-map-carry-over.ts).
 * The long part of the carrying over is done before taking the lock, from the live store as it
 * stands then (others keep writing): under the lock only the entries written since are added, so
 * others wait for little more than the copy. While the lock is held (and taken), a marker tells
 * other processes' writes to wait for the restore rather than fail (runtime/store/restore-wait.ts).
 * Cost: one pass over both trails, then an online copy of the store, other processes' writes
 * waiting meanwhile (the copy: 4–7 s for a 750 MB store on a shared 2-core machine).
 */
export async function restoreStore(
  backupFile: string,
  t: { dataDir: string; store?: AppStore | null },
  restored: (audit: Audit) => void,
  graphRestored: string | null = null,
): Promise<void> {
  const dest = liveStoreFile(t);
  mkdirSync(dirname(dest), { recursive: true });
  const copy = openAppStore(dirname(backupFile));
  if (copy.file !== backupFile) throw new Error(`the store to restore must be named ${APP_STORE_FILE}`);
  const own = t.store && t.store.file === dest ? t.store.db : null;
  // An empty file is one the backup has just created: there was no live store to carry from.
  const withLive = <T>(f: (live: SqliteDb | null) => T): T => {
    const live =
      own ??
      (existsSync(dest) && statSync(dest).size > 0
        ? new Database(dest, { readonly: true, fileMustExist: true })
        : null);
    try {
      return f(live);
    } finally {
      if (live && live !== own) live.close();
    }
  };
  try {
    const audit = createAudit(copy);
    // One read transaction: the mark is where the trail stood when it was carried over.
    const mark = withLive((live) =>
      live
        ? live.transaction(() => {
            copy.db.transaction(() => {
              carryOverAudit(copy, live);
              carryOverRest(copy, live, graphRestored);
            })();
            return trailMark(live);
          })()
        : null,
    );
    const clear = markRestore(dest, LOCK_WAIT_MS + copyBoundMs(backupFile));
    try {
      await backupLocked(copy.db, dest, () =>
        withLive((live) =>
          copy.db.transaction(() => {
            if (live) {
              // The trail was replaced since the mark (another restore): carry it over whole.
              if (!mark || carryOverAuditSince(copy, live, mark) === null) carryOverAudit(copy, live);
              carryOverRest(copy, live, graphRestored);
            }
            restored(audit);
          })(),
        ),
      );
    } finally {
      clear();
    }
    checkpoint(dest, own);
  } finally {
    copy.close();
  }
}
