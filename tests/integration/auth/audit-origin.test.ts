/**
 * Every audit entry says how the action came in: a browser session (with a short handle of that
 * session, not its id or cookie), a bearer token (its id and label, never the secret), the local
 * user of a server without accounts, or the console. Entries of a store written before origins
 * were recorded still read, with origin null.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_STORE_FILE, openAppStore, type AppStore } from '../../../src/runtime/store/app-store';
import { createAudit } from '../../../src/server/audit/audit';
import { AuditResponseSchema } from '../../../src/shared/api/audit';
import { makeTestApi, type TestApi } from '../../support/api';
import { addUser, as, signIn } from '../../support/auth';

let api: TestApi;
let store: AppStore;
const tmp = mkdtempSync(join(tmpdir(), 'newsgraph-audit-origin-'));
beforeAll(async () => {
  store = openAppStore(':memory:');
  api = await makeTestApi({ store });
});
afterAll(async () => {
  await api?.close();
  store?.close();
  rmSync(tmp, { recursive: true, force: true });
});

type Entry = { action: string; target: string | null; origin: unknown };

describe('the origin of each audit entry', () => {
  it('is the local user before any account exists, then the session or the token that made the change', async () => {
    // No accounts on 127.0.0.1: the local admin adds the first one.
    expect(
      (await as(api.app, {}, 'POST', '/api/users', { name: 'ada', role: 'admin', password: 'correct horse battery' }))
        .status,
    ).toBe(200);
    await addUser(store, 'ed', 'editor');
    const ada = await signIn(api.app, 'ada');
    expect((await as(api.app, ada, 'PATCH', '/api/users/ed', { role: 'viewer' })).status).toBe(200);
    const created = await as(api.app, ada, 'POST', '/api/users/ada/tokens', { label: 'nightly export' });
    const { secret, token } = created.body as { secret: string; token: { id: string } };
    const viaToken = await as(api.app, { bearer: secret }, 'PATCH', '/api/users/ed', { role: 'editor' });
    expect(viaToken.status, JSON.stringify(viaToken.body)).toBe(200);

    const r = await as(api.app, ada, 'GET', '/api/audit?limit=500');
    expect(AuditResponseSchema.safeParse(r.body).success).toBe(true);
    const entries = (r.body as { entries: Entry[] }).entries;
    const find = (action: string, pred: (e: Entry) => boolean = () => true) =>
      entries.find((e) => e.action === action && pred(e));

    expect(find('user.add', (e) => e.target === 'ada')?.origin).toEqual({ via: 'local', ref: null, label: null });
    const login = find('session.login')?.origin as { via: string; ref: string };
    expect(login).toEqual({ via: 'session', ref: expect.stringMatching(/^[0-9a-f]{12}$/), label: null });
    // The same session's later write carries the same handle.
    const bySession = entries.find(
      (e) => e.action === 'user.update' && (e.origin as { via?: string })?.via === 'session',
    );
    expect(bySession?.origin).toEqual(login);
    expect(find('token.create')?.origin).toEqual(login);
    expect(entries.find((e) => (e.origin as { via?: string })?.via === 'token')).toMatchObject({
      action: 'user.update',
      origin: { via: 'token', ref: token.id, label: 'nightly export' },
    });
    // Never a secret: not the token, not the session cookie.
    const dump = JSON.stringify(r.body);
    expect(dump).not.toContain(secret);
    expect(dump).not.toContain(ada.cookie.split('=')[1]!);
  });

  it('reads the entries of a store written before origins were recorded, with origin null', () => {
    const dir = join(tmp, 'old');
    const old = openAppStore(dir);
    // The audit table as its first migration made it.
    old.migrate('audit', [
      `CREATE TABLE audit_entries (
         id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, actor TEXT NOT NULL, role TEXT NOT NULL,
         action TEXT NOT NULL, target TEXT, before_json TEXT, after_json TEXT, detail_json TEXT);
       CREATE TRIGGER audit_entries_no_delete BEFORE DELETE ON audit_entries
         BEGIN SELECT RAISE(ABORT, 'audit entries cannot be deleted'); END;`,
    ]);
    old.db
      .prepare(
        "INSERT INTO audit_entries (at, actor, role, action, target) VALUES ('2026-01-01T00:00:00.000Z', 'ada', 'admin', 'user.add', 'ed')",
      )
      .run();
    old.close();

    const reopened = openAppStore(dir);
    try {
      const audit = createAudit(reopened);
      audit.record(
        { name: 'console:root', role: 'admin', via: 'local', origin: { via: 'cli', ref: null, label: null } },
        { action: 'user.add', target: 'vic' },
      );
      const [fresh, first] = audit.list();
      expect(first).toMatchObject({ action: 'user.add', target: 'ed', actor: 'ada', origin: null });
      expect(fresh).toMatchObject({ target: 'vic', origin: { via: 'cli', ref: null, label: null } });
    } finally {
      reopened.close();
    }
    // Still append-only after the migration.
    const raw = new Database(join(dir, APP_STORE_FILE));
    try {
      expect(() => raw.prepare('DELETE FROM audit_entries').run()).toThrow(/cannot be deleted/);
    } finally {
      raw.close();
    }
  });
});
