/**
 * Accounts through the API: zero set-up on 127.0.0.1 until the first account, sign-in and the
 * session cookie, roles from the route table, bearer tokens, revocation, and the audit of it all.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAppStore, type AppStore } from '../../../src/runtime/store/app-store';
import { makeTestApi, type TestApi } from '../../support/api';
import { addUser, as, PASSWORD, signIn } from '../../support/auth';
import { ensureSeeded } from '../../support/seeded';

let api: TestApi;
let store: AppStore;
beforeAll(async () => {
  await ensureSeeded();
  store = openAppStore(':memory:');
  api = await makeTestApi({ store, envVars: { NEWSGRAPH_LOGIN_LIMIT: '500' } });
});
afterAll(async () => {
  await api?.close();
  store?.close();
});

describe('zero set-up until the first account', () => {
  it('is the local admin with no sign-in while no account exists', async () => {
    const r = await as(api.app, {}, 'GET', '/api/session');
    expect(r.body).toEqual({ mode: 'local', user: { name: 'local', role: 'admin', via: 'local' }, csrfToken: null });
    expect((await as(api.app, {}, 'GET', '/api/users')).status).toBe(200);
  });

  it('refuses a first account that is not an admin, then adds the admin: sign-in is on from then on', async () => {
    const bad = await as(api.app, {}, 'POST', '/api/users', { name: 'eve', role: 'editor', password: PASSWORD });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/first account must be an admin/);
    const ok = await as(api.app, {}, 'POST', '/api/users', { name: 'ada', role: 'admin', password: PASSWORD });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ name: 'ada', role: 'admin', disabled: false });
    const now = await as(api.app, {}, 'GET', '/api/session');
    expect(now.body).toEqual({ mode: 'accounts', user: null, csrfToken: null });
    const refused = await as(api.app, {}, 'GET', '/api/overview');
    expect(refused.status).toBe(401);
    expect(refused.body.error.code).toBe('UNAUTHORIZED');
  });
});

describe('sessions and roles', () => {
  it('signs in with an HTTP-only, SameSite=Strict cookie and reports the user, role and a CSRF token', async () => {
    const s = await signIn(api.app, 'ada');
    const line = String(s.response.headers['set-cookie']);
    expect(line).toMatch(/HttpOnly/i);
    expect(line).toMatch(/SameSite=Strict/i);
    expect(line).not.toMatch(/;\s*Secure/i); // plain HTTP on 127.0.0.1
    const me = await as(api.app, s, 'GET', '/api/session');
    expect(me.body.user).toEqual({ name: 'ada', role: 'admin', via: 'session' });
    expect(typeof me.body.csrfToken).toBe('string');
  });

  it('refuses a wrong password, an unknown name and a disabled account alike', async () => {
    for (const [name, pw] of [
      ['ada', 'wrong password!'],
      ['nobody', PASSWORD],
    ]) {
      const r = await as(api.app, {}, 'POST', '/api/session', { name, password: pw });
      expect(r.status, name).toBe(401);
      expect(r.body.error.message).toBe('Wrong name or password (or the account is disabled).');
    }
  });

  it('lets each role call what the route table allows it, no more', async () => {
    await addUser(store, 'vic', 'viewer');
    await addUser(store, 'ed', 'editor');
    const viewer = await signIn(api.app, 'vic');
    const editor = await signIn(api.app, 'ed');
    expect((await as(api.app, viewer, 'GET', '/api/schema')).status).toBe(200);
    expect((await as(api.app, viewer, 'POST', '/api/cypher', { query: 'RETURN 1' })).status).toBe(200);
    const v = await as(api.app, viewer, 'GET', '/api/users');
    expect(v.status).toBe(403);
    expect(v.body.error.message).toBe('This needs the admin role; vic is viewer.');
    expect((await as(api.app, editor, 'GET', '/api/audit')).status).toBe(403);
  });

  it('ends sessions at once when the account is disabled or signed out everywhere (every process reads the store)', async () => {
    await addUser(store, 'tmp', 'editor');
    const admin = await signIn(api.app, 'ada');
    const s = await signIn(api.app, 'tmp');
    expect((await as(api.app, s, 'GET', '/api/schema')).status).toBe(200);
    expect((await as(api.app, admin, 'PATCH', '/api/users/tmp', { signOutEverywhere: true })).status).toBe(200);
    expect((await as(api.app, s, 'GET', '/api/schema')).status).toBe(401);
    const again = await signIn(api.app, 'tmp');
    expect((await as(api.app, admin, 'PATCH', '/api/users/tmp', { disabled: true })).status).toBe(200);
    expect((await as(api.app, again, 'GET', '/api/schema')).status).toBe(401);
    expect((await as(api.app, {}, 'POST', '/api/session', { name: 'tmp', password: PASSWORD })).status).toBe(401);
  });

  it('a role change applies to open sessions at the next request', async () => {
    await addUser(store, 'rolly', 'viewer');
    const admin = await signIn(api.app, 'ada');
    const s = await signIn(api.app, 'rolly');
    expect((await as(api.app, s, 'GET', '/api/session')).body.user.role).toBe('viewer');
    await as(api.app, admin, 'PATCH', '/api/users/rolly', { role: 'editor' });
    expect((await as(api.app, s, 'GET', '/api/session')).body.user.role).toBe('editor');
  });

  it('never leaves the server without an enabled admin', async () => {
    const admin = await signIn(api.app, 'ada');
    const r = await as(api.app, admin, 'PATCH', '/api/users/ada', { role: 'editor' });
    expect(r.status).toBe(400);
    expect(r.body.error.message).toMatch(/last enabled admin/);
  });

  it('signs out', async () => {
    const s = await signIn(api.app, 'ed');
    const out = await as(api.app, s, 'DELETE', '/api/session');
    expect(out.status).toBe(200);
    expect(String(out.headers['set-cookie'])).toMatch(/newsgraph_session=;/);
  });
});

describe('bearer tokens for scripts', () => {
  it('creates a token shown once, acts as its user (capped role), and stops working when revoked', async () => {
    const admin = await signIn(api.app, 'ada');
    const created = await as(api.app, admin, 'POST', '/api/users/ed/tokens', {
      label: 'nightly export',
      role: 'viewer',
    });
    expect(created.status).toBe(200);
    const { secret, token } = created.body;
    expect(secret).toMatch(/^ngt_/);
    const list = await as(api.app, admin, 'GET', '/api/users/ed/tokens');
    expect(JSON.stringify(list.body)).not.toContain(secret);
    expect(list.body.tokens[0]).toMatchObject({
      id: token.id,
      label: 'nightly export',
      role: 'viewer',
      revokedAt: null,
    });
    // No CSRF header needed: a bearer token is not sent by browsers on their own.
    const me = await as(api.app, { bearer: secret }, 'GET', '/api/session');
    expect(me.body.user).toEqual({ name: 'ed', role: 'viewer', via: 'token' });
    expect((await as(api.app, { bearer: secret }, 'GET', '/api/schema')).status).toBe(200);
    const revoked = await as(api.app, admin, 'DELETE', `/api/users/ed/tokens/${token.id}`);
    expect(revoked.body.revokedAt).not.toBeNull();
    const after = await as(api.app, { bearer: secret }, 'GET', '/api/schema');
    expect(after.status).toBe(401);
    expect(after.headers['www-authenticate']).toMatch(/^Bearer/);
  });

  it('stores tokens hashed, never in clear', async () => {
    const admin = await signIn(api.app, 'ada');
    const { secret } = (await as(api.app, admin, 'POST', '/api/users/vic/tokens', { label: 'x' })).body;
    const dump = JSON.stringify(store.db.prepare('SELECT * FROM auth_tokens').all());
    expect(dump).not.toContain(secret);
  });
});

describe('audit of account changes', () => {
  it('records who added, changed and signed in, with before and after, and no secrets', async () => {
    const admin = await signIn(api.app, 'ada');
    const r = await as(api.app, admin, 'GET', '/api/audit?action=user.');
    const actions = r.body.entries.map((e: { action: string }) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['user.add', 'user.update']));
    const update = r.body.entries.find(
      (e: { action: string; target: string }) => e.action === 'user.update' && e.target === 'rolly',
    );
    expect(update).toMatchObject({ actor: 'ada', before: { role: 'viewer' }, after: { role: 'editor' } });
    const first = r.body.entries.find((e: { target: string }) => e.target === 'ada');
    expect(first).toMatchObject({ action: 'user.add', actor: 'local' });
    const all = await as(api.app, admin, 'GET', '/api/audit?limit=500');
    expect(JSON.stringify(all.body)).not.toContain(PASSWORD);
    expect(JSON.stringify(all.body)).not.toMatch(/argon2/);
    const tokens = await as(api.app, admin, 'GET', '/api/audit?action=token.');
    expect(tokens.body.entries.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['token.create', 'token.revoke']),
    );
  });
});
