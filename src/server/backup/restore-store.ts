/**
 * The app store half of a restore: the backup's store replaces the live one, except that the
 * audit trail only grows (see carry-over.ts). The carrying over and the restore's own audit entry
 * are done in one transaction on a private copy of the backup's store, which then replaces the
 * live store's content in one SQLite backup (a single write transaction on the live file). So an
 * interrupted restore leaves either the old store with its whole trail, or the restored store with
 * the whole trail and the restore entry: never a trail with entries lost or doubled.
 *
 * Why not a file of its own for the trail, left alone by a restore: every write records its entry
 * in the same store as the change, a backup would need a second file kept consistent with the
 * first, and a store restored on a new machine would come without its history. Carrying the
 * entries over keeps one file and one backup.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { APP_STORE_FILE, openAppStore, type AppStore } from '../../runtime/store/app-store';
import { createAudit, type Audit } from '../audit/audit';
import { carryOverAudit } from '../audit/carry-over';

/** Where the live store is: the open store's file, else NEWSGRAPH_DATA_DIR's. */
export const liveStoreFile = (t: { dataDir: string; store?: AppStore | null }) =>
  t.store && t.store.file !== ':memory:' ? t.store.file : join(t.dataDir, APP_STORE_FILE);

/**
 * Replaces the live store with `backupFile` (an app.sqlite extracted from a backup; it is
 * changed), keeping the live audit trail and appending what `restored` records. Through SQLite's
 * backup API, so processes with the store open see the new content.
 * Cost: one pass over both trails, then an online copy of the store.
 */
export async function restoreStore(
  backupFile: string,
  t: { dataDir: string; store?: AppStore | null },
  restored: (audit: Audit) => void,
): Promise<void> {
  const dest = liveStoreFile(t);
  mkdirSync(dirname(dest), { recursive: true });
  const copy = openAppStore(dirname(backupFile));
  if (copy.file !== backupFile) throw new Error(`the store to restore must be named ${APP_STORE_FILE}`);
  try {
    const audit = createAudit(copy);
    const own = t.store && t.store.file === dest ? t.store.db : null;
    // Read as late as possible: an entry another process writes after this is lost with the swap.
    const live = own ?? (existsSync(dest) ? new Database(dest, { readonly: true, fileMustExist: true }) : null);
    try {
      copy.db.transaction(() => {
        if (live) carryOverAudit(copy, live);
        restored(audit);
      })();
    } finally {
      if (live && live !== own) live.close();
    }
    await copy.db.backup(dest);
  } finally {
    copy.close();
  }
}
