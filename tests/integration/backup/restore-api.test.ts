/**
 * The API beside a restore: a write request that comes while another process restores the store
 * waits for the restore to end (without holding up reads), then lands; a store that stays locked
 * past the wait answers 503 STORE_BUSY to try again, never a 500, and only while nothing of the
 * request was written (so sending it again cannot apply it twice); once part of it was, the answer
 * is WRITE_INTERRUPTED, not to be sent again. A restore in the API's own process is refused. The
 * store's busy timeout is shortened, standing in for a restore longer than the usual 5 s.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAppStore, type AppStore } from '../../../src/runtime/store/app-store';
import { markRestore, restoreMarkerFile } from '../../../src/runtime/store/restore-wait';
import { restoreBackup } from '../../../src/server/backup/backup';
import { makeTestApi, type TestApi } from '../../support/api';
import { addUser, as, signIn, type Credentials } from '../../support/auth';
import { holdStoreLock } from '../../support/store-lock';

const tmp = mkdtempSync(join(tmpdir(), 'newsgraph-restore-api-'));
let api: TestApi;
let store: AppStore;
let vera: Credentials;
const marker = restoreMarkerFile(join(tmp, 'data', 'app.sqlite'));
const recipe = (seed: string) => `1.${Buffer.from(`${seed}-`.repeat(400)).toString('base64url')}`;
/** While set, the audit's insert finds the store busy (as after the wait), after what came before it was written. */
let auditBusy = false;
const count = (table: string) => store.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
beforeAll(async () => {
  store = openAppStore(join(tmp, 'data'), { busyTimeoutMs: 50 });
  const prepare = store.db.prepare.bind(store.db);
  store.db.prepare = ((source: string) => {
    const stmt = prepare(source);
    if (!/INSERT INTO audit_entries/.test(source)) return stmt;
    const run = stmt.run.bind(stmt);
    stmt.run = (...a: unknown[]) => {
      if (auditBusy) throw Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
      return run(...a);
    };
    return stmt;
  }) as typeof store.db.prepare;
  await addUser(store, 'ada', 'admin');
  await addUser(store, 'vera', 'viewer');
  api = await makeTestApi({ store, envVars: { NEWSGRAPH_LOGIN_LIMIT: '500' } });
  vera = await signIn(api.app, 'vera');
  // Warm: the first request of a database reads its perspective (seconds on a busy machine).
  expect((await as(api.app, vera, 'POST', '/api/views', { recipe: recipe('warm') })).status).toBe(200);
});
afterAll(async () => {
  rmSync(marker, { force: true });
  await api?.close();
  store?.close();
  rmSync(tmp, { recursive: true, force: true });
});

describe('API writes beside a restore', { timeout: 30_000 }, () => {
  it('holds a write until the restore of another process ends, and answers reads meanwhile', async () => {
    // Another process's restore: this test's parent is alive, and is not us.
    writeFileSync(marker, JSON.stringify({ pid: process.ppid, until: Date.now() + 60_000 }));
    let answered = false;
    const save = as(api.app, vera, 'POST', '/api/views', { recipe: recipe('a') }).finally(() => (answered = true));
    const read = await as(api.app, vera, 'GET', '/api/session');
    expect(read.status).toBe(200);
    await new Promise((r) => setTimeout(r, 300));
    expect(answered).toBe(false);
    rmSync(marker, { force: true });
    const saved = await save;
    expect(saved.status).toBe(200);
    expect(store.db.prepare('SELECT count(*) FROM views_saved').pluck().get()).toBe(2);
  });

  it('answers 503 STORE_BUSY, to try again, when the store stays locked past the wait', async () => {
    rmSync(marker, { force: true });
    const before = [count('views_saved'), count('audit_entries')];
    const released = await holdStoreLock(store.file, 1_000);
    const r = await as(api.app, vera, 'POST', '/api/views', { recipe: recipe('b') });
    await released();
    expect(r.status).toBe(503);
    expect(r.body.error).toMatchObject({ code: 'STORE_BUSY', message: expect.stringMatching(/try again/) });
    expect(r.headers['retry-after']).toBe('5');
    // Nothing of it was written: sent again (as the web client does), it lands once.
    expect([count('views_saved'), count('audit_entries')]).toEqual(before);
    expect((await as(api.app, vera, 'POST', '/api/views', { recipe: recipe('b') })).status).toBe(200);
    expect([count('views_saved'), count('audit_entries')]).toEqual([before[0]! + 1, before[1]! + 1]);
  });

  it('answers WRITE_INTERRUPTED, not to be sent again, when the store turns busy after part was written', async () => {
    const views = count('views_saved');
    auditBusy = true;
    const r = await as(api.app, vera, 'POST', '/api/views', { recipe: recipe('c') }).finally(() => (auditBusy = false));
    expect(r.status).toBe(503);
    expect(r.body.error).toMatchObject({ code: 'WRITE_INTERRUPTED', message: expect.stringMatching(/reload/) });
    expect(r.headers['retry-after']).toBeUndefined();
    expect(count('views_saved')).toBe(views + 1); // the view was saved before the audit found the store busy
  });

  it('refuses a restore in the process that serves the API on the store (its writes could not wait)', async () => {
    expect(() => markRestore(store.file, 1_000)).toThrow(/serves the API .*npm run db:restore/);
    await expect(
      restoreBackup(
        store.file,
        { managed: null, database: 'neo4j', dataDir: join(tmp, 'data'), store },
        {
          force: true,
          dir: tmp,
        },
      ),
    ).rejects.toThrow(/serves the API/);
  });
});
