/**
 * A restore holds the app store's write lock while it copies the backup's store over the live
 * one: on a large store longer than SQLite's busy timeout. So a restore leaves a marker beside the
 * store (`app.sqlite-restoring`: its pid and how long it may take), and the other processes' writes
 * that find the store busy while a live marker is there wait the restore out instead of failing.
 * A marker outlives no restore: it is removed when the restore ends, and one whose process is gone
 * or whose time is up counts for nothing (the lock of a dead process is gone with it).
 */
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type Database from 'better-sqlite3';
import { noteWrite } from './write-scope';

export interface RestoreMarker {
  pid: number;
  /** Epoch ms after which the marker counts for nothing. */
  until: number;
}

export const restoreMarkerFile = (storeFile: string) => `${storeFile}-restoring`;

/** The store files an API of this process serves (counted: tests may build several). */
const served = new Map<string, number>();

/** Records that this process serves an API on `storeFile`; returns the function that ends it. */
export function serveStore(storeFile: string): () => void {
  if (storeFile === ':memory:') return () => {};
  const f = resolve(storeFile);
  served.set(f, (served.get(f) ?? 0) + 1);
  let ended = false;
  return () => {
    if (ended) return;
    ended = true;
    const n = served.get(f)! - 1;
    if (n) served.set(f, n);
    else served.delete(f);
  };
}

/**
 * Refuses a restore of a store this process serves an API on. Its writes could not wait for it:
 * the synchronous wait of another process's restore would block the thread the copy runs on, so
 * they would fail instead. Restores run from the console (npm run db:restore), in a process of
 * their own, which the API waits for.
 */
export function assertNotServed(storeFile: string): void {
  if (served.has(resolve(storeFile)))
    throw new Error(
      `this process serves the API on ${storeFile}: restore it from the console (npm run db:restore), which the API waits for`,
    );
}

/** Marks a restore of `storeFile` that may take up to `maxMs`; returns the function that clears it. */
export function markRestore(storeFile: string, maxMs: number): () => void {
  assertNotServed(storeFile);
  const file = restoreMarkerFile(storeFile);
  const marker: RestoreMarker = { pid: process.pid, until: Date.now() + maxMs };
  // Renamed into place: a reader never sees half a marker.
  writeFileSync(`${file}.${process.pid}`, `${JSON.stringify(marker)}\n`);
  renameSync(`${file}.${process.pid}`, file);
  // Another restore may have marked the store since (it waits for our lock): its marker stays.
  return () => {
    if (readMarker(storeFile)?.pid === process.pid) rmSync(file, { force: true });
  };
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

function readMarker(storeFile: string): RestoreMarker | null {
  if (storeFile === ':memory:' || !existsSync(restoreMarkerFile(storeFile))) return null;
  try {
    return JSON.parse(readFileSync(restoreMarkerFile(storeFile), 'utf8')) as RestoreMarker;
  } catch {
    return null; // removed right now
  }
}

/** The restore under way on `storeFile`, or null (none, or a marker left by a dead or overdue one). */
export function restoreUnderway(storeFile: string, now = Date.now()): RestoreMarker | null {
  const m = readMarker(storeFile);
  return m && m.until > now && alive(m.pid) ? m : null;
}

/** SQLITE_BUSY and its extended codes: the lock was not to be had within the busy timeout. */
export const isBusy = (e: unknown) => /^SQLITE_BUSY/.test(String((e as { code?: unknown } | null)?.code ?? ''));

const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * Runs `write`, and again while it fails for a busy store during another process's restore.
 * Only when nothing of it ran: `started` says whether it got past taking the lock (a transaction's
 * body that began is never run twice). Our own process's restore is not waited for: this wait
 * blocks the thread its copy runs on.
 */
function outlastRestore<T>(db: Database.Database, file: string, write: () => T, started = () => false): T {
  for (;;) {
    try {
      const out = write();
      // Committed (not a statement of a transaction that may still roll back): the request wrote.
      if (!db.inTransaction) noteWrite();
      return out;
    } catch (e) {
      const restore = isBusy(e) && !db.inTransaction && !started() ? restoreUnderway(file) : null;
      if (!restore || restore.pid === process.pid) throw e;
      // The retry waits the busy timeout again; a short pause spares the CPU when that is tiny.
      Atomics.wait(pause, 0, 0, 10);
    }
  }
}

type Fn = (...a: unknown[]) => unknown;
const MODES = ['default', 'deferred', 'immediate', 'exclusive'] as const;

/**
 * Makes `db`'s writes (statements run outside a transaction, and transactions) wait out another
 * process's restore of `file`. Reads need not: in WAL mode they never wait for a writer.
 */
export function waitOutRestores(db: Database.Database, file: string): void {
  if (file === ':memory:') return;
  const prepare = db.prepare.bind(db);
  db.prepare = ((source: string) => {
    const stmt = prepare(source);
    const run = stmt.run.bind(stmt);
    stmt.run = (...params: unknown[]) => outlastRestore(db, file, () => run(...params));
    return stmt;
  }) as typeof db.prepare;
  const transaction = db.transaction.bind(db);
  db.transaction = ((fn: (...a: unknown[]) => unknown) => {
    let started = false;
    const tx = transaction((...a: unknown[]) => {
      started = true;
      return fn(...a);
    }) as unknown as Fn & Record<(typeof MODES)[number], Fn>;
    const wrap =
      (f: Fn): Fn =>
      (...a) => {
        started = false;
        return outlastRestore(
          db,
          file,
          () => f(...a),
          () => started,
        );
      };
    const modes = Object.fromEntries(MODES.map((m) => [m, wrap(tx[m])]));
    for (const m of MODES) Object.assign(modes[m]!, modes, { database: db });
    return modes.default;
  }) as typeof db.transaction;
}

/**
 * Resolves once no restore of `storeFile` is under way (at once when none is), polling its marker
 * without blocking: an API process holds its writes here, and serves everything else meanwhile.
 */
export async function restoreEnded(storeFile: string, everyMs = 50): Promise<void> {
  while (restoreUnderway(storeFile)) await new Promise((r) => setTimeout(r, everyMs));
}
