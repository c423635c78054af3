/**
 * Writes beside a restore: a live marker makes a write that finds the store busy wait for the
 * restore instead of failing; without one (or with a stale one) it fails as before, and the API
 * answers that with a 503 to try again. The lock is held by a worker thread with its own
 * connection, as another process would.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { openAppStore, type AppStore } from '../../../src/runtime/store/app-store';
import { markRestore, restoreEnded, restoreMarkerFile, restoreUnderway } from '../../../src/runtime/store/restore-wait';
import { storeBusyError } from '../../../src/server/http/errors';
import { holdStoreLock } from '../../support/store-lock';

const tmp = mkdtempSync(join(tmpdir(), 'newsgraph-restore-wait-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const open: AppStore[] = [];
afterEach(() => {
  for (const s of open.splice(0)) s.close();
});

let n = 0;
/** A fresh store file with one table, opened with a 10 ms busy timeout. */
function store(): AppStore {
  const s = openAppStore(join(tmp, `s${n++}`), { busyTimeoutMs: 10 });
  s.db.exec('CREATE TABLE t (x INTEGER)');
  open.push(s);
  return s;
}
/** Another process's marker: this test's parent is alive, and is not us. */
const othersMarker = (file: string, until = Date.now() + 60_000) =>
  writeFileSync(restoreMarkerFile(file), JSON.stringify({ pid: process.ppid, until }));

describe('the restore marker', () => {
  it('counts only while its process lives and its time is not up', () => {
    const file = join(tmp, 'm.sqlite');
    expect(restoreUnderway(file)).toBeNull();
    const clear = markRestore(file, 60_000);
    expect(restoreUnderway(file)).toMatchObject({ pid: process.pid });
    expect(restoreUnderway(file, Date.now() + 61_000)).toBeNull();
    clear();
    expect(restoreUnderway(file)).toBeNull();
    const gone = spawnSync(process.execPath, ['-e', '']).pid;
    writeFileSync(restoreMarkerFile(file), JSON.stringify({ pid: gone, until: Date.now() + 60_000 }));
    expect(restoreUnderway(file)).toBeNull();
    writeFileSync(restoreMarkerFile(file), '{"pid":');
    expect(restoreUnderway(file)).toBeNull();
  });

  it('resolves restoreEnded once the marker is cleared', async () => {
    const file = join(tmp, 'e.sqlite');
    const clear = markRestore(file, 60_000);
    let ended = false;
    const waiting = restoreEnded(file, 5).then(() => (ended = true));
    await new Promise((r) => setTimeout(r, 50));
    expect(ended).toBe(false);
    clear();
    await waiting;
    expect(ended).toBe(true);
  });
});

describe('a write while another process holds the store', { timeout: 20_000 }, () => {
  it('fails after the busy timeout when no restore is under way, and the API makes it a 503', async () => {
    const s = store();
    const released = await holdStoreLock(s.file, 300);
    let error: unknown;
    try {
      s.db.prepare('INSERT INTO t VALUES (1)').run();
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ code: 'SQLITE_BUSY' });
    expect(storeBusyError(error, s.file)).toMatchObject({ status: 503, code: 'STORE_BUSY' });
    othersMarker(s.file);
    expect(storeBusyError(error, s.file)?.message).toMatch(/backup is being restored: try again in a moment/);
    expect(storeBusyError(new Error('x'), s.file)).toBeNull();
    await released();
  });

  it('waits out a restore: a statement and a transaction both land once the lock is free', async () => {
    const s = store();
    othersMarker(s.file);
    let released = await holdStoreLock(s.file, 300);
    const t0 = Date.now();
    s.db.prepare('INSERT INTO t VALUES (1)').run();
    expect(Date.now() - t0).toBeGreaterThanOrEqual(200);
    await released();

    released = await holdStoreLock(s.file, 300);
    let runs = 0;
    s.db
      .transaction(() => {
        runs++;
        s.db.prepare('INSERT INTO t VALUES (2)').run();
      })
      .immediate();
    await released();
    expect(runs).toBe(1);
    expect(s.db.prepare('SELECT x FROM t ORDER BY x').pluck().all()).toEqual([1, 2]);
  });

  it('never runs a transaction body twice: one whose write comes after the lock was taken fails', async () => {
    const s = store();
    othersMarker(s.file);
    const released = await holdStoreLock(s.file, 300);
    let runs = 0;
    // Deferred: the body runs before its write finds the store busy.
    const tx = s.db.transaction(() => {
      runs++;
      s.db.prepare('INSERT INTO t VALUES (3)').run();
    });
    expect(() => tx.deferred()).toThrow(/locked/);
    expect(runs).toBe(1);
    await released();
  });
});
