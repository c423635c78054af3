/**
 * A backup's app store and graph dump are of the same moment: the store is copied while the
 * managed server is stopped, so a write that lands just before the stop (an accept committing)
 * is in the store copy as it is in the dump. The stop and the dump are stand-ins here.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import * as tar from 'tar';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { openAppStore } from '../../../src/runtime/store/app-store';

const events = vi.hoisted(() => ({ beforeStop: () => {}, log: [] as string[] }));
vi.mock('../../../src/server/backup/maintenance', () => ({
  withManagedStopped: async <T>(_s: unknown, work: () => Promise<T>) => {
    events.beforeStop();
    events.log.push('stopped');
    try {
      return await work();
    } finally {
      events.log.push('started');
    }
  },
}));
vi.mock('../../../src/server/backup/admin-tool', async (orig) => ({
  ...(await orig<object>()),
  runAdminTool: async (_home: string, args: string[]) => {
    const to = args.find((a) => a.startsWith('--to-path='))!.slice('--to-path='.length);
    writeFileSync(join(to, 'neo4j.dump'), 'dump');
    events.log.push('dumped');
    return '';
  },
}));
const { createBackup } = await import('../../../src/server/backup/backup');

const tmp = mkdtempSync(join(tmpdir(), 'backup-moment-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('createBackup on the managed instance', () => {
  it('copies the app store while the graph is stopped, so both hold the last write before the stop', async () => {
    const home = join(tmp, 'neo4j');
    mkdirSync(join(home, 'data', 'databases', 'neo4j'), { recursive: true });
    const store = openAppStore(join(tmp, 'data'));
    store.db.exec('CREATE TABLE marks (what TEXT)');
    events.beforeStop = () => store.db.prepare("INSERT INTO marks VALUES ('committed just before the stop')").run();
    const dir = join(tmp, 'backups');
    const b = await createBackup(
      { managed: { home }, database: 'neo4j', dataDir: join(tmp, 'data'), store },
      { dir, log: () => {} },
    );
    store.close();
    expect(events.log).toEqual(['stopped', 'dumped', 'started']);
    const out = join(tmp, 'out');
    mkdirSync(out);
    await tar.x({ file: join(dir, b.file), cwd: out });
    const copy = new Database(join(out, 'app.sqlite'), { readonly: true });
    try {
      expect(copy.prepare('SELECT what FROM marks').all()).toEqual([{ what: 'committed just before the stop' }]);
    } finally {
      copy.close();
    }
  });
});
