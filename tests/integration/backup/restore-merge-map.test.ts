/**
 * The merge map through a restore. With the user's own Neo4j only the app store goes back: the
 * graph keeps the merges and undos made since the backup, so an old link to a merged-away entity
 * must still lead to its survivor, and an undone merge must stay undone. When the graph was
 * restored from the same backup (the managed Neo4j), that database's map is the backup's again.
 * App store only: no Neo4j.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { APP_STORE_FILE, openAppStore, type AppStore } from '../../../src/runtime/store/app-store';
import { createAudit } from '../../../src/server/audit/audit';
import { createBackup, restoreBackup, type BackupTarget } from '../../../src/server/backup/backup';
import { restoreStore } from '../../../src/server/backup/restore-store';
import type { Actor } from '../../../src/server/http/actor';
import { createMergeMap } from '../../../src/server/resources/node-edit/merge-map';

const tmp = mkdtempSync(join(tmpdir(), 'newsgraph-restore-merges-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const ada: Actor = { name: 'ada', role: 'editor', via: 'session' };
const OWN = 'bolt://graph.example:7687/neo4j';
const MANAGED = 'managed:/srv/newsgraph/neo4j/neo4j';

async function withStore<T>(dataDir: string, f: (s: AppStore) => T | Promise<T>): Promise<T> {
  const store = openAppStore(dataDir);
  try {
    return await f(store);
  } finally {
    store.close();
  }
}

/** A merge as the route records it: its audit entry and its row in one transaction; returns the entry's id. */
const merge = (s: AppStore, database: string, dup: string, survivor: string) =>
  s.db.transaction(() => {
    const entry = createAudit(s).record(ada, { action: 'node.merge', target: survivor, detail: { dup } });
    createMergeMap(s, database).record({
      duplicate: { id: `4:x:${dup}`, key: dup, name: dup },
      survivor: { id: `4:x:${survivor}`, key: survivor, name: survivor },
      at: entry.at,
      by: ada.name,
      auditId: entry.id,
    });
    return entry.id;
  })();

/** Its undo: the `node.unmerge` entry and the mark in one transaction; returns the undo's id. */
const unmerge = (s: AppStore, database: string, mergeId: number) =>
  s.db.transaction(() => {
    const undo = createAudit(s).record(ada, { action: 'node.unmerge', detail: { merge: mergeId } });
    createMergeMap(s, database).markUndone(mergeId, undo.id);
    return undo.id;
  })();

/** Where an old address leads now, and which merge entry (by its action and detail) sent it there. */
const redirect = (s: AppStore, database: string, address: string) => {
  const m = createMergeMap(s, database).lookup(address);
  if (!m) return null;
  const entry = createAudit(s).get(m.auditId);
  return { to: m.survivor.key, entry: entry && { action: entry.action, detail: entry.detail } };
};
const rows = (s: AppStore) => s.db.prepare('SELECT count(*) FROM merge_map').pluck().get();

describe('the merge map through a restore', () => {
  it('with only the store restored, keeps the merges made since (redirecting) and the undos made since (undone), once', async () => {
    const dataDir = join(tmp, 'own');
    const backupDir = join(tmp, 'own-backups');
    const target: BackupTarget = { managed: null, driver: null, database: 'neo4j', dataDir };
    const before = await withStore(dataDir, (s) => merge(s, OWN, 'kursk-gov', 'kursk-governor'));
    const backup = await createBackup(target, { dir: backupDir });
    const since = await withStore(dataDir, (s) => {
      const undo = unmerge(s, OWN, before);
      return { undo, merge: merge(s, OWN, 'vgladkov', 'vyacheslav-gladkov') };
    });

    for (let i = 0; i < 2; i++) {
      await restoreBackup(join(backupDir, backup.file), target, { force: true, safety: false, dir: backupDir });
      await withStore(dataDir, (s) => {
        expect(redirect(s, OWN, 'vgladkov')).toEqual({
          to: 'vyacheslav-gladkov',
          entry: { action: 'node.merge', detail: { dup: 'vgladkov' } },
        });
        expect(redirect(s, OWN, 'kursk-gov')).toBeNull();
        const by = createMergeMap(s, OWN).undoneBy(before);
        expect(by).toBe(since.undo);
        expect(createAudit(s).get(by!)).toMatchObject({ action: 'node.unmerge', detail: { merge: before } });
        // Restoring twice adds nothing twice.
        expect(rows(s)).toBe(2);
      });
    }
  });

  it('with the graph restored from the same backup, keeps that database’s map as the backup had it', async () => {
    const dataDir = join(tmp, 'managed');
    const before = await withStore(dataDir, (s) => {
      const m = merge(s, MANAGED, 'kursk-gov', 'kursk-governor');
      merge(s, OWN, 'belgorod-gov', 'belgorod-governor');
      return m;
    });
    // The backup's store, as db:restore extracts it from the tar.
    const file = join(tmp, 'managed-backup', APP_STORE_FILE);
    mkdirSync(join(tmp, 'managed-backup'));
    await withStore(dataDir, (s) => s.db.backup(file));
    await withStore(dataDir, (s) => {
      unmerge(s, MANAGED, before);
      merge(s, MANAGED, 'vgladkov', 'vyacheslav-gladkov');
      merge(s, OWN, 'oblast', 'belgorod-oblast');
    });

    await restoreStore(file, { dataDir }, () => {}, MANAGED);
    await withStore(dataDir, (s) => {
      // The restored graph holds the duplicate merged since, and the merge undone since: as the backup's map says.
      expect(redirect(s, MANAGED, 'vgladkov')).toBeNull();
      expect(redirect(s, MANAGED, 'kursk-gov')?.to).toBe('kursk-governor');
      expect(createMergeMap(s, MANAGED).undoneBy(before)).toBeNull();
      // The trail keeps the merge and the undo all the same.
      expect(
        createAudit(s)
          .list()
          .map((e) => e.action)
          .reverse(),
      ).toEqual(['node.merge', 'node.merge', 'node.unmerge', 'node.merge', 'node.merge']);
      // Another database's graph was not restored: its merge made since still redirects.
      expect(redirect(s, OWN, 'oblast')?.to).toBe('belgorod-oblast');
      expect(redirect(s, OWN, 'belgorod-gov')?.to).toBe('belgorod-governor');
    });
  });

  it('names the ids the carried entries got when the restored trail renumbers them', async () => {
    const dataDir = join(tmp, 'renumbered');
    const before = await withStore(dataDir, (s) => merge(s, OWN, 'kursk-gov', 'kursk-governor'));
    const file = join(tmp, 'renumbered-backup', APP_STORE_FILE);
    mkdirSync(join(tmp, 'renumbered-backup'));
    await withStore(dataDir, (s) => s.db.backup(file));
    // The backup's trail went on apart from the live one (a store restored on another machine):
    // the ids the live store gave since are taken there.
    await withStore(join(tmp, 'renumbered-backup'), (s) =>
      createAudit(s).record(ada, { action: 'perspective.save', after: { elsewhere: true } }),
    );
    const since = await withStore(dataDir, (s) => ({
      undo: unmerge(s, OWN, before),
      merge: merge(s, OWN, 'vgladkov', 'vyacheslav-gladkov'),
    }));

    await restoreStore(file, { dataDir }, () => {});
    await withStore(dataDir, (s) => {
      const m = createMergeMap(s, OWN).lookup('vgladkov');
      expect(m?.auditId).not.toBe(since.merge);
      expect(redirect(s, OWN, 'vgladkov')).toEqual({
        to: 'vyacheslav-gladkov',
        entry: { action: 'node.merge', detail: { dup: 'vgladkov' } },
      });
      const by = createMergeMap(s, OWN).undoneBy(before);
      expect(by).not.toBe(since.undo);
      expect(createAudit(s).get(by!)).toMatchObject({ action: 'node.unmerge', detail: { merge: before } });
      expect(redirect(s, OWN, 'kursk-gov')).toBeNull();
    });
  });
});
