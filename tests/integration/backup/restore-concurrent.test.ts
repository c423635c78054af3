/**
 * A restore while another API process writes to the same store: every audit entry the other
 * process committed, before, during or after the restore, is in the trail afterwards, once; and
 * each restore did bring the backup's store back (a user added since is gone again). The writer
 * is a separate process writing as fast as it can, so it writes inside any gap a restore leaves
 * between reading the live trail and replacing the store. App store only (no graph): no Neo4j.
 * Then the same with a writer whose busy timeout is shorter than a restore's hold on the store,
 * as the usual 5 s is beside the restore of a very large store: its writes wait, none fails.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../../src/runtime/paths';
import { openAppStore, type AppStore } from '../../../src/runtime/store/app-store';
import { createAudit } from '../../../src/server/audit/audit';
import { Accounts } from '../../../src/server/auth/accounts';
import { createBackup, restoreBackup, type BackupTarget } from '../../../src/server/backup/backup';
import type { Actor } from '../../../src/server/http/actor';

const tmp = mkdtempSync(join(tmpdir(), 'newsgraph-restore-concurrent-'));
let dataDir = '';
let backupDir = '';
let stop = '';
let target: BackupTarget;
let writer: ChildProcessWithoutNullStreams | null = null;
afterAll(() => {
  writer?.kill();
  rmSync(tmp, { recursive: true, force: true });
});

/** A store and backup folder of the case's own. */
function fresh(name: string): void {
  dataDir = join(tmp, name, 'data');
  backupDir = join(tmp, name, 'backups');
  stop = join(tmp, name, 'stop');
  target = { managed: null, driver: null, database: 'neo4j', dataDir };
}

const admin: Actor = { name: 'ada', role: 'admin', via: 'local' };

async function withStore<T>(f: (s: AppStore) => T | Promise<T>): Promise<T> {
  const store = openAppStore(dataDir);
  try {
    return await f(store);
  } finally {
    store.close();
  }
}
const users = () => withStore((s) => new Accounts(s).list().map((a) => a.name));

/** Starts the writer (busy timeout `busyMs`, else the store's); resolves once it has committed its first entry. */
function startWriter(busyMs?: number): Promise<() => Promise<{ written: number; failed: number; errors: string[] }>> {
  const args = ['tests/support/audit-writer.ts', dataDir, stop, 'w', ...(busyMs === undefined ? [] : [String(busyMs)])];
  const w = spawn(join(ROOT, 'node_modules', '.bin', 'tsx'), args, { cwd: ROOT });
  writer = w;
  let out = '';
  let err = '';
  w.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<string>((resolve) => w.on('exit', () => resolve(out)));
  return new Promise((resolve, reject) => {
    w.stdout.on('data', (d: Buffer) => {
      const first = !out.includes('ready');
      out += d.toString();
      if (first && out.includes('ready'))
        resolve(async () => {
          writeFileSync(stop, '');
          const all = await exited;
          return JSON.parse(all.trim().split('\n').pop()!) as { written: number; failed: number; errors: string[] };
        });
    });
    w.on('exit', (code) => reject(new Error(`the writer stopped (${code}) before writing: ${err}`)));
  });
}

describe('a restore beside another process writing the audit trail', { timeout: 120_000 }, () => {
  it('loses no entry the other process committed, and still restores the store', () => restoresBeside(5));

  // 6 MB of trail: the restore holds the store for a copy of that, tens of ms, beyond the writer's wait.
  it('keeps the writes of a process whose busy timeout is shorter than the restore waiting, not failing', () =>
    restoresBeside(3, 600, 10));
});

/**
 * `rounds` restores beside a writer process (busy timeout `busyMs`) of a store holding `bulk` entries
 * of 10 KB besides; every entry the writer committed is there once, and none of its writes failed.
 */
async function restoresBeside(rounds: number, bulk = 0, busyMs?: number): Promise<void> {
  fresh(busyMs === undefined ? 'usual' : `busy-${busyMs}`);
  await withStore(async (s) => {
    await new Accounts(s).add('ada', 'admin', 'correct horse battery');
    const audit = createAudit(s);
    audit.record(admin, { action: 'user.add', target: 'ada' });
    s.db.transaction(() => {
      for (let i = 0; i < bulk; i++)
        audit.record(admin, { action: 'test.bulk', target: `b-${i}`, detail: 'x'.repeat(10_000) });
    })();
  });
  const backup = await createBackup(target, { dir: backupDir });
  const file = join(backupDir, backup.file);

  const finish = await startWriter(busyMs);
  const accounts: string[][] = [];
  for (let round = 0; round < rounds; round++) {
    await withStore((s) => new Accounts(s).add(`mallory${round}`, 'admin', 'correct horse battery'));
    await restoreBackup(file, target, { force: true, safety: false, dir: backupDir, actor: admin });
    accounts.push(await users());
  }
  // Each restore took: the account added since the backup is gone.
  expect.soft(accounts).toEqual(Array.from({ length: rounds }, () => ['ada']));
  const { written, failed, errors } = await finish();
  expect({ failed, errors }).toEqual({ failed: 0, errors: [] });
  expect(written).toBeGreaterThan(0);

  const all = await withStore((s) => s.db.prepare('SELECT id, action, target FROM audit_entries ORDER BY id').all());
  const seen = new Map<string, number>();
  for (const e of all as { target: string }[]) seen.set(e.target, (seen.get(e.target) ?? 0) + 1);
  const lost = Array.from({ length: written }, (_, i) => `w-${i}`).filter((t) => !seen.has(t));
  const doubled = [...seen].filter(([t, n]) => t.startsWith('w-') && n > 1).map(([t]) => t);
  expect({ lost, doubled }).toEqual({ lost: [], doubled: [] });
  expect(all.length).toBe(1 + bulk + written + rounds);
  expect((all as { action: string }[]).filter((e) => e.action === 'backup.restore')).toHaveLength(rounds);
}
