/**
 * The audit trail through `npm run db:restore`: the store goes back to the backup, but the trail
 * only grows. Entries written after the backup (its own backup.create entry among them) are
 * still there after the restore, once each, with their ids, followed by the restore's own entry.
 * Runs the CLI on the test database as an external Neo4j, so each backup holds the app store only.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../../src/runtime/paths';
import { openAppStore } from '../../../src/runtime/store/app-store';
import { createAudit, type AuditEntry } from '../../../src/server/audit/audit';
import { Accounts } from '../../../src/server/auth/accounts';
import { testNeo4j } from '../../support/neo4j';

const run = promisify(execFile);
const tmp = mkdtempSync(join(tmpdir(), 'newsgraph-audit-restore-'));
const dataDir = join(tmp, 'data');
const backupDir = join(tmp, 'backups');
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function cli(args: string[]): Promise<string> {
  const t = testNeo4j();
  const env = {
    ...process.env,
    NEO4J_URI: t.uri,
    NEO4J_USERNAME: t.username,
    NEO4J_PASSWORD: t.password,
    NEO4J_DATABASE: t.database,
    NEWSGRAPH_DATA_DIR: dataDir,
    NEWSGRAPH_BACKUP_DIR: backupDir,
    NEWSGRAPH_INGEST_DIR: join(tmp, 'ingest'),
  };
  const tsx = join(ROOT, 'node_modules', '.bin', 'tsx');
  const r = await run(tsx, [join(ROOT, 'src/server/cli/backup.ts'), ...args], { env, cwd: ROOT, timeout: 120_000 });
  return `${r.stdout}\n${r.stderr}`;
}

/** Opens the store, runs `f` on it, closes it. */
async function withStore<T>(f: (s: ReturnType<typeof openAppStore>) => T | Promise<T>): Promise<T> {
  const store = openAppStore(dataDir);
  try {
    return await f(store);
  } finally {
    store.close();
  }
}

const trail = () => withStore((s) => createAudit(s).list({ limit: 1000 }).reverse());
const users = () =>
  withStore((s) =>
    new Accounts(s)
      .list()
      .map((a) => a.name)
      .sort(),
  );
const token = { via: 'token', ref: 'a1b2c3d4e5f6', label: 'nightly' } as const;

describe('db:restore and the audit trail', { timeout: 300_000 }, () => {
  let file = '';
  let beforeRestore: AuditEntry[] = [];

  it('keeps every entry written before the restore, those after the backup included, and adds the restore', async () => {
    await withStore(async (s) => {
      await new Accounts(s).add('ada', 'admin', 'correct horse battery');
      createAudit(s).record({ name: 'ada', role: 'admin', via: 'session' }, { action: 'user.add', target: 'ada' });
    });
    const out = await cli(['backup']);
    file = /backup written in [\d.]+ s: (\S+\.tar)/.exec(out)?.[1] ?? '';
    expect(file, out).not.toBe('');
    await withStore(async (s) => {
      await new Accounts(s).add('mallory', 'admin', 'correct horse battery');
      const audit = createAudit(s);
      audit.record(
        { name: 'ada', role: 'admin', via: 'token', origin: token },
        { action: 'user.add', target: 'mallory' },
      );
      audit.record({ name: 'mallory', role: 'admin', via: 'session' }, { action: 'perspective.save', after: { x: 1 } });
    });
    beforeRestore = await trail();
    // The backup's own entry is written after the backup was taken, so it is not in it.
    expect(beforeRestore.map((e) => e.action)).toEqual(['user.add', 'backup.create', 'user.add', 'perspective.save']);

    const restored = await cli(['restore', file, '--force']);
    expect(restored).toMatch(/restored/);
    // Everything else is the backup's again.
    expect(await users()).toEqual(['ada']);

    const after = await trail();
    expect(after.slice(0, beforeRestore.length)).toEqual(beforeRestore);
    expect(after).toHaveLength(beforeRestore.length + 1);
    const restore = after[after.length - 1]!;
    expect(restore).toMatchObject({
      action: 'backup.restore',
      actor: expect.stringMatching(/^console:/),
      target: basename(file),
      origin: { via: 'cli', ref: null, label: null },
      detail: { safetyBackup: expect.stringMatching(/-pre-restore\.tar$/) },
    });
    expect(restore.id).toBeGreaterThan(beforeRestore[beforeRestore.length - 1]!.id);
  });

  it('restoring again, or undoing the restore from its safety backup, duplicates and loses nothing', async () => {
    const once = await trail();
    await cli(['restore', file, '--force']);
    const twice = await trail();
    expect(twice.slice(0, once.length)).toEqual(once);
    expect(twice.map((e) => e.action).slice(once.length)).toEqual(['backup.restore']);

    // The first restore's safety backup holds the store as it was before any restore.
    const safety = once[once.length - 1]!.detail as { safetyBackup: string };
    await cli(['restore', join(backupDir, safety.safetyBackup), '--force']);
    expect(await users()).toEqual(['ada', 'mallory']);
    const undone = await trail();
    expect(undone.slice(0, twice.length)).toEqual(twice);
    expect(undone.map((e) => e.action).slice(twice.length)).toEqual(['backup.restore']);
    expect(new Set(undone.map((e) => e.id)).size).toBe(undone.length);
  });
});
