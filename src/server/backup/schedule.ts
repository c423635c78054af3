/**
 * NEWSGRAPH_BACKUP_EVERY=24h in the server: a backup every interval, keeping the newest
 * NEWSGRAPH_BACKUP_KEEP scheduled ones. Several API processes on one store share one schedule:
 * each checks once a minute and the one that claims the slot (an IMMEDIATE transaction on the
 * store) makes the backup; the others skip it.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { AppStore } from '../../runtime/store/app-store';
import type { Backup } from '../../shared/api/backups';
import { createBackup, pruneScheduled, type BackupTarget } from './backup';

const MIGRATIONS = ['CREATE TABLE backup_state (name TEXT PRIMARY KEY, value TEXT NOT NULL);'];

/** "24h" → ms. */
export function parseEvery(s: string): number {
  const m = /^(\d+)(m|h|d)$/.exec(s);
  if (!m) throw new Error(`bad interval ${s}`);
  return Number(m[1]) * { m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2] as 'm' | 'h' | 'd'];
}

/** Claims the next scheduled run if it is due; true for exactly one caller per slot. */
export function claimSlot(store: AppStore, everyMs: number, now = Date.now()): boolean {
  store.migrate('backup', MIGRATIONS);
  const tx = store.db.transaction(() => {
    const row = store.db.prepare("SELECT value FROM backup_state WHERE name = 'last_scheduled'").get() as
      { value: string } | undefined;
    if (row && Number(row.value) + everyMs > now) return false;
    store.db.prepare("INSERT OR REPLACE INTO backup_state (name, value) VALUES ('last_scheduled', ?)").run(String(now));
    return true;
  });
  return tx.immediate();
}

export interface Schedule {
  stop(): void;
}

/** Starts the schedule; the first backup is due one interval after the last one (or now, if none). */
export function startBackupSchedule(opts: {
  every: string;
  keep: number;
  dir: string;
  target: BackupTarget & { store: AppStore };
  log: FastifyBaseLogger;
  onBackup?: (backup: Backup) => void;
  checkMs?: number;
}): Schedule {
  const everyMs = parseEvery(opts.every);
  let running = false;
  const tick = async () => {
    if (running || !claimSlot(opts.target.store, everyMs)) return;
    running = true;
    try {
      const b = await createBackup(opts.target, {
        dir: opts.dir,
        reason: 'scheduled',
        log: (l) => opts.log.info(l),
      });
      const removed = pruneScheduled(opts.dir, opts.keep);
      opts.log.info({ backup: b.file, removed }, `newsgraph: scheduled backup ${b.file}`);
      opts.onBackup?.(b);
    } catch (e) {
      opts.log.error({ err: e }, 'newsgraph: the scheduled backup failed');
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), opts.checkMs ?? 60_000);
  timer.unref();
  void tick();
  return { stop: () => clearInterval(timer) };
}
