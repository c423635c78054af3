import { afterEach, describe, expect, it } from 'vitest';
import { openAppStore, type AppStore } from '../../../src/runtime/store/app-store';
import { createAudit } from '../../../src/server/audit/audit';
import { carriedIds, carryOverAudit, carryOverAuditSince, trailMark } from '../../../src/server/audit/carry-over';
import type { Actor } from '../../../src/server/http/actor';

const open: AppStore[] = [];
afterEach(() => {
  for (const s of open.splice(0)) s.close();
});
const store = () => {
  const s = openAppStore(':memory:');
  open.push(s);
  return s;
};
const ada: Actor = { name: 'ada', role: 'admin', via: 'session' };
const at = (s: string) => () => new Date(`2026-12-01T${s}Z`);
const actions = (s: AppStore) =>
  createAudit(s)
    .list()
    .reverse()
    .map((e) => `${e.id}:${e.action}`);

describe('carrying the audit trail over a restore', () => {
  it('appends the entries written after the backup with their ids, and nothing the second time', () => {
    const live = store();
    const backup = store();
    for (const s of [live, backup]) createAudit(s, at('10:00:00')).record(ada, { action: 'a' });
    createAudit(live, at('11:00:00')).record(ada, { action: 'b', after: { x: 1 } });
    createAudit(live, at('12:00:00')).record(ada, { action: 'c' });
    expect(carryOverAudit(backup, live.db)).toBe(2);
    expect(actions(backup)).toEqual(['1:a', '2:b', '3:c']);
    expect(createAudit(backup).list()).toEqual(createAudit(live).list());
    expect(carryOverAudit(backup, live.db)).toBe(0);
    // The next entry follows them (the id sequence moved on too).
    expect(createAudit(backup).record(ada, { action: 'd' }).id).toBe(4);
  });

  it('renumbers an entry whose id the restored trail already uses for another, and keeps identical twins', () => {
    const live = store();
    const backup = store();
    const t = at('10:00:00');
    createAudit(backup, t).record(ada, { action: 'x' }); // id 1 in the backup: not in the live trail
    createAudit(live, t).record(ada, { action: 'y' }); // id 1 in the live trail
    createAudit(live, t).record(ada, { action: 'y' }); // the same again, in the same millisecond
    expect(carryOverAudit(backup, live.db)).toBe(2);
    expect(actions(backup)).toEqual(['1:x', '2:y', '3:y']);

    // A backup taken between two identical entries holds the first: only the second is missing.
    const between = store();
    createAudit(between, t).record(ada, { action: 'y' });
    expect(carryOverAudit(between, live.db)).toBe(1);
    expect(actions(between)).toEqual(['1:y', '2:y']);
  });

  it('carries entries from a store whose trail predates the origin columns', () => {
    const old = store();
    old.db.exec(`CREATE TABLE audit_entries (
      id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, actor TEXT NOT NULL, role TEXT NOT NULL,
      action TEXT NOT NULL, target TEXT, before_json TEXT, after_json TEXT, detail_json TEXT)`);
    old.db
      .prepare("INSERT INTO audit_entries (at, actor, role, action) VALUES ('2026-01-01', 'ada', 'admin', 'old')")
      .run();
    const restored = store();
    expect(carryOverAudit(restored, old.db)).toBe(1);
    expect(createAudit(restored).list()[0]).toMatchObject({ id: 1, action: 'old', origin: null });
  });

  it('after a whole carry-over, adds only what came since the mark, unless the trail was replaced', () => {
    const live = store();
    const backup = store();
    for (const s of [live, backup]) createAudit(s, at('10:00:00')).record(ada, { action: 'a' });
    createAudit(live, at('11:00:00')).record(ada, { action: 'b' });
    expect(carryOverAudit(backup, live.db)).toBe(1);
    const mark = trailMark(live.db);
    expect(mark).toMatchObject({ through: 2, count: 2 });
    createAudit(live, at('12:00:00')).record(ada, { action: 'c' });
    createAudit(live, at('12:00:00')).record(ada, { action: 'c' });
    expect(carryOverAuditSince(backup, live.db, mark)).toBe(2);
    expect(createAudit(backup).list()).toEqual(createAudit(live).list());
    expect(carryOverAuditSince(backup, live.db, trailMark(live.db))).toBe(0);

    // Another trail under the same ids (a restore in between): the mark no longer holds.
    const replaced = store();
    for (const a of ['a', 'x']) createAudit(replaced, at('10:00:00')).record(ada, { action: a });
    expect(carryOverAuditSince(store(), replaced.db, mark)).toBeNull();
  });

  it('tells the ids the carried entries got, renumbered ones and identical twins included', () => {
    const live = store();
    const backup = store();
    const t = at('10:00:00');
    for (const s of [live, backup]) createAudit(s, t).record(ada, { action: 'a' });
    createAudit(backup, t).record(ada, { action: 'x' }); // id 2 in the backup only
    for (let i = 0; i < 2; i++) createAudit(live, t).record(ada, { action: 'y' }); // ids 2 and 3 live
    carryOverAudit(backup, live.db);
    expect(actions(backup)).toEqual(['1:a', '2:x', '3:y', '4:y']);
    expect([...carriedIds(backup, live.db, [3, 1, 2, 99])]).toEqual([
      [3, 4],
      [1, 1],
      [2, 3],
    ]);
  });
});
