/**
 * What a restore keeps of the live store besides the audit trail. Accounts, their roles and
 * tokens are the backup's again, but nothing that ended someone's access since the backup comes
 * back to life, and no account id is handed out twice (a session cookie names its account by id:
 * a cookie of an account added after the backup must never sign in as an account added after the
 * restore). Saved views (links handed out, never changed) stay. App store only: no Neo4j.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openAppStore, type AppStore } from '../../../src/runtime/store/app-store';
import { Accounts } from '../../../src/server/auth/accounts';
import { ViewStore } from '../../../src/server/resources/views/store';
import { createBackup, restoreBackup, type BackupTarget } from '../../../src/server/backup/backup';

const tmp = mkdtempSync(join(tmpdir(), 'newsgraph-restore-auth-'));
const dataDir = join(tmp, 'data');
const backupDir = join(tmp, 'backups');
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const target: BackupTarget = { managed: null, driver: null, database: 'neo4j', dataDir };
const PASSWORD = 'correct horse battery';
const NEW_PASSWORD = 'battery staple horse';
const HOUR = 3_600_000;

async function withAccounts<T>(f: (a: Accounts, s: AppStore) => T | Promise<T>): Promise<T> {
  const store = openAppStore(dataDir);
  try {
    return await f(new Accounts(store), store);
  } finally {
    store.close();
  }
}

describe('what a restore keeps', () => {
  it('restores accounts and tokens, but nothing that ended access comes back, no id is reused and saved views stay', async () => {
    const before = await withAccounts(async (a) => {
      const ada = await a.add('ada', 'admin', PASSWORD);
      const bob = await a.add('bob', 'editor', PASSWORD);
      await a.add('cy', 'editor', PASSWORD);
      await a.add('dan', 'viewer', PASSWORD);
      const token = a.createToken('bob', 'nightly').token;
      return { ada, bob, token };
    });
    const backup = await createBackup(target, { dir: backupDir });

    const since = await withAccounts(async (a) => {
      const mallory = await a.add('mallory', 'admin', PASSWORD);
      a.update('ada', { signOutEverywhere: true });
      // Disabling the backup's only admin: the restore keeps an enabled admin, so not this one.
      a.update('ada', { disabled: true });
      a.update('bob', { role: 'viewer' });
      await a.setPassword('bob', NEW_PASSWORD);
      a.update('cy', { disabled: true });
      a.update('dan', { role: 'admin' });
      a.revokeToken('bob', before.token.id);
      a.endSession('signed-out-session', Date.now() + HOUR);
      for (let i = 0; i < 3; i++) a.hit('name:bob', 15 * 60_000);
      return { mallory, ada: a.get('ada')! };
    });
    const view = await withAccounts((_, s) => new ViewStore(s).save('v=recipe-shared-since-the-backup', 'ada'));

    await restoreBackup(join(backupDir, backup.file), target, { force: true, safety: false, dir: backupDir });

    await withAccounts(async (a) => {
      // The backup's accounts and tokens, with no more access than either store gave them: a
      // role lowered, an account disabled, a password changed since the backup stay so.
      expect(a.list().map((u) => [u.name, u.role, u.disabled])).toEqual([
        ['ada', 'admin', false],
        ['bob', 'viewer', false],
        ['cy', 'editor', true],
        ['dan', 'viewer', false],
      ]);
      expect(await a.verifyPassword('bob', PASSWORD)).toBeNull();
      expect(await a.verifyPassword('bob', NEW_PASSWORD)).not.toBeNull();
      expect(a.token(before.token.id)).not.toBeNull();
      // Sessions and tokens ended since stay ended.
      expect(a.get('ada')!.sessionVersion).toBe(since.ada.sessionVersion);
      expect(a.token(before.token.id)!.revokedAt).not.toBeNull();
      expect(a.sessionEnded('signed-out-session')).toBe(true);
      expect(a.peek('name:bob', 15 * 60_000)).toBe(3);
      // An account added now does not take the id of the one added after the backup.
      const eve = await a.add('eve', 'admin', PASSWORD);
      expect(eve.id).toBeGreaterThan(since.mallory.id);
    });
    // A view link handed out since the backup still opens.
    expect(await withAccounts((_, s) => new ViewStore(s).get(view)?.recipe)).toBe('v=recipe-shared-since-the-backup');
  });
});
