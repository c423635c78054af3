/**
 * Backups from the API process: POST /api/backups (admin), NEWSGRAPH_BACKUP_EVERY (the first one
 * at start, then one per interval, shared by every process on the store), and keeping the newest
 * NEWSGRAPH_BACKUP_KEEP scheduled ones. The graph here is an external Neo4j (the test database),
 * so each backup holds the app store only, and says so.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tar from 'tar';
import { afterAll, describe, expect, it } from 'vitest';
import { openAppStore } from '../../../src/runtime/store/app-store';
import { createBackup, listBackups, pruneScheduled, type BackupTarget } from '../../../src/server/backup/backup';
import { claimSlot } from '../../../src/server/backup/schedule';
import { makeTestApi } from '../../support/api';
import { addUser, as, signIn } from '../../support/auth';

const tmp = mkdtempSync(join(tmpdir(), 'newsgraph-backup-api-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const until = async (what: () => boolean, ms = 30_000) => {
  const end = Date.now() + ms;
  while (!what()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
};

describe('backups from the API', () => {
  it('POST /api/backups (admin) writes the app store and audits it; GET lists it', async () => {
    const dataDir = join(tmp, 'api-data');
    const dir = join(tmp, 'api-backups');
    const store = openAppStore(dataDir);
    // The ingest folder is the test's own: the default one (the repo's .data) may hold a developer's texts.
    const envVars = {
      NEWSGRAPH_BACKUP_DIR: dir,
      NEWSGRAPH_DATA_DIR: dataDir,
      NEWSGRAPH_INGEST_DIR: join(tmp, 'ingest'),
    };
    const api = await makeTestApi({ store, envVars });
    try {
      await addUser(store, 'ada', 'admin');
      await addUser(store, 'ed', 'editor');
      const ada = await signIn(api.app, 'ada');
      expect((await as(api.app, await signIn(api.app, 'ed'), 'POST', '/api/backups')).status).toBe(403);
      const r = await as(api.app, ada, 'POST', '/api/backups');
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      expect(r.body).toMatchObject({ graph: 'none', fingerprint: expect.stringMatching(/^nodes=\d+ /) });
      const files: string[] = [];
      await tar.t({ file: join(dir, r.body.file), onReadEntry: (e) => files.push(e.path) });
      expect(files.sort()).toEqual(['app.sqlite', 'manifest.json']);
      const list = await as(api.app, ada, 'GET', '/api/backups');
      expect(list.body).toMatchObject({ dir, schedule: { every: null, keep: 7 } });
      expect(list.body.backups.map((b: { file: string }) => b.file)).toEqual([r.body.file]);
      const audit = await as(api.app, ada, 'GET', '/api/audit?action=backup.');
      expect(audit.body.entries[0]).toMatchObject({ action: 'backup.create', actor: 'ada', target: r.body.file });
    } finally {
      await api.close();
      store.close();
    }
  });

  it('NEWSGRAPH_BACKUP_EVERY makes the first scheduled backup at start, audited as the scheduler', async () => {
    const dataDir = join(tmp, 'sched-data');
    const dir = join(tmp, 'sched-backups');
    const store = openAppStore(dataDir);
    const envVars = {
      NEWSGRAPH_BACKUP_DIR: dir,
      NEWSGRAPH_DATA_DIR: dataDir,
      NEWSGRAPH_INGEST_DIR: join(tmp, 'ingest'),
      NEWSGRAPH_BACKUP_EVERY: '24h',
    };
    const api = await makeTestApi({ store, envVars });
    // A second process on the same store at the same time: the slot is taken, it adds no backup.
    const second = await makeTestApi({ store: openAppStore(dataDir), envVars });
    try {
      await until(() => listBackups(dir).length > 0);
      await new Promise((r) => setTimeout(r, 1_000));
      const all = listBackups(dir);
      expect(all).toHaveLength(1);
      expect(all[0]!.file).toMatch(/-scheduled\.tar$/);
      await until(() => !!store.db.prepare("SELECT 1 FROM audit_entries WHERE action = 'backup.create'").get());
      const row = store.db.prepare("SELECT actor FROM audit_entries WHERE action = 'backup.create'").get();
      expect(row).toEqual({ actor: 'scheduler' });
    } finally {
      await second.close();
      await api.close();
      store.close();
    }
  });
});

describe('the schedule', () => {
  it('gives each interval to exactly one process on the store', () => {
    const dataDir = join(tmp, 'claim');
    const one = openAppStore(dataDir);
    const two = openAppStore(dataDir);
    const hour = 3_600_000;
    const t0 = Date.UTC(2026, 0, 1);
    try {
      expect(claimSlot(one, hour, t0)).toBe(true);
      expect(claimSlot(two, hour, t0 + 1_000)).toBe(false);
      expect(claimSlot(one, hour, t0 + hour - 1)).toBe(false);
      expect(claimSlot(two, hour, t0 + hour)).toBe(true);
      expect(claimSlot(one, hour, t0 + hour + 5)).toBe(false);
    } finally {
      one.close();
      two.close();
    }
  });

  it('keeps the newest N scheduled backups and never removes a manual one', async () => {
    const dataDir = join(tmp, 'keep-data');
    const dir = join(tmp, 'keep');
    const store = openAppStore(dataDir);
    const t: BackupTarget = { managed: null, driver: null, database: 'neo4j', dataDir, store };
    try {
      const day = 86_400_000;
      const t0 = Date.UTC(2026, 0, 1);
      const manual = await createBackup(t, { dir, now: new Date(t0) });
      const scheduled: Awaited<ReturnType<typeof createBackup>>[] = [];
      for (let i = 1; i <= 4; i++)
        scheduled.push(await createBackup(t, { dir, reason: 'scheduled', now: new Date(t0 + i * day) }));
      const removed = pruneScheduled(dir, 2);
      expect(removed.sort()).toEqual([scheduled[0]!.file, scheduled[1]!.file].sort());
      expect(listBackups(dir).map((b) => b.file)).toEqual([scheduled[3]!.file, scheduled[2]!.file, manual.file]);
      for (const f of removed) expect(existsSync(join(dir, `${f}.json`))).toBe(false);
    } finally {
      store.close();
    }
  });
});
