import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openAppStore, type AppStore } from '../../../src/runtime/store/app-store';
import { createAudit } from '../../../src/server/audit/audit';
import { LOCAL_ADMIN } from '../../../src/server/http/actor';

const open: AppStore[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const s of open.splice(0)) s.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function tempStore(dir = mkdtempSync(join(tmpdir(), 'newsgraph-store-'))): { store: AppStore; dir: string } {
  dirs.push(dir);
  const store = openAppStore(dir);
  open.push(store);
  return { store, dir };
}

describe('app store', () => {
  it('applies each migration step once, in order, across re-opens', () => {
    const { store, dir } = tempStore();
    const steps = ['CREATE TABLE t_a (x INTEGER)', 'INSERT INTO t_a VALUES (1)'];
    store.migrate('t', steps);
    store.migrate('t', steps);
    const again = openAppStore(dir);
    open.push(again);
    again.migrate('t', [...steps, 'INSERT INTO t_a VALUES (2)']);
    expect(again.db.prepare('SELECT x FROM t_a ORDER BY x').all()).toEqual([{ x: 1 }, { x: 2 }]);
  });

  it('leaves nothing of a failing step behind', () => {
    const { store } = tempStore();
    expect(() => store.migrate('bad', ['CREATE TABLE t_b (x INTEGER); INSERT INTO nowhere VALUES (1)'])).toThrow();
    expect(store.db.prepare("SELECT name FROM sqlite_master WHERE name = 't_b'").all()).toEqual([]);
  });

  it('shares one file between two connections (two API processes on one host)', () => {
    const { store, dir } = tempStore();
    const other = openAppStore(dir);
    open.push(other);
    store.migrate('s', ['CREATE TABLE s_v (v TEXT)']);
    store.db.prepare('INSERT INTO s_v VALUES (?)').run('from one');
    expect(other.db.prepare('SELECT v FROM s_v').all()).toEqual([{ v: 'from one' }]);
  });
});

describe('audit trail', () => {
  it('records who, when, what and before/after, newest first, filtered', () => {
    const { store } = tempStore();
    let t = Date.parse('2026-12-01T10:00:00Z');
    const audit = createAudit(store, () => new Date((t += 1000)));
    const editor = { name: 'ana', role: 'editor' as const, via: 'session' as const };
    audit.record(editor, { action: 'ingest.accept', target: 'c1', after: { id: 'x' }, detail: { quote: 'q' } });
    audit.record(LOCAL_ADMIN, { action: 'user.add', target: 'ana', after: { role: 'editor' } });
    const all = audit.list();
    expect(all.map((e) => e.action)).toEqual(['user.add', 'ingest.accept']);
    expect(all[1]).toMatchObject({
      actor: 'ana',
      role: 'editor',
      target: 'c1',
      after: { id: 'x' },
      detail: { quote: 'q' },
    });
    expect(audit.list({ actor: 'ana' }).map((e) => e.action)).toEqual(['ingest.accept']);
    expect(audit.list({ since: '2026-12-01T10:00:01.500Z' }).map((e) => e.action)).toEqual(['user.add']);
  });

  it('cannot be changed or deleted, even through SQL', () => {
    const { store } = tempStore();
    const audit = createAudit(store);
    audit.record(LOCAL_ADMIN, { action: 'perspective.save', target: 'p' });
    expect(() => store.db.prepare("UPDATE audit_entries SET actor = 'someone else'").run()).toThrow(
      /cannot be changed/,
    );
    expect(() => store.db.prepare('DELETE FROM audit_entries').run()).toThrow(/cannot be deleted/);
    expect(audit.list()).toHaveLength(1);
  });
});
