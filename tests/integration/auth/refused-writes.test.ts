/**
 * A write refused to a known user is kept in the audit: who tried, which route, what it needs and
 * why (role or CSRF), with nothing of the request's body. Reads refused and anonymous attempts are
 * not (no one to name, and anyone could fill the trail with them).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAppStore, type AppStore } from '../../../src/runtime/store/app-store';
import { makeTestApi, type TestApi } from '../../support/api';
import { addUser, as, signIn } from '../../support/auth';

let api: TestApi;
let store: AppStore;
beforeAll(async () => {
  store = openAppStore(':memory:');
  await addUser(store, 'ada', 'admin');
  await addUser(store, 'vic', 'viewer');
  await addUser(store, 'ed', 'editor');
  api = await makeTestApi({ store });
});
afterAll(async () => {
  await api?.close();
  store?.close();
});

type Entry = { action: string; actor: string; role: string; target: string | null; detail: unknown };

async function refusals(): Promise<Entry[]> {
  const admin = await signIn(api.app, 'ada');
  const r = await as(api.app, admin, 'GET', '/api/audit?action=write.refused&limit=100');
  expect(r.status).toBe(200);
  return (r.body as { entries: Entry[] }).entries;
}

describe('refused writes in the audit', () => {
  it('keeps a viewer’s refused write and an editor’s write without its CSRF token, and nothing else', async () => {
    const vic = await signIn(api.app, 'vic');
    const secret = 'a reason nobody should read back';
    const denied = await as(api.app, vic, 'PUT', '/api/claims/c-1/status?x=1', { status: 'disputed', note: secret });
    expect(denied.status).toBe(403);
    expect(denied.body.error.code).toBe('FORBIDDEN');
    // A refused read and an anonymous write are not kept.
    expect((await as(api.app, vic, 'GET', '/api/users')).status).toBe(403);
    expect((await as(api.app, {}, 'PUT', '/api/claims/c-1/status', { status: 'disputed' })).status).toBe(401);

    const ed = await signIn(api.app, 'ed');
    const noToken = await as(api.app, { cookie: ed.cookie }, 'PUT', '/api/claims/c-2/status', { status: 'disputed' });
    expect(noToken.status).toBe(403);
    expect(noToken.body.error.code).toBe('CSRF');

    const entries = await refusals();
    expect(entries).toHaveLength(2);
    const [csrf, role] = entries; // newest first
    expect(role).toMatchObject({
      actor: 'vic',
      role: 'viewer',
      target: 'PUT /api/claims/:id/status',
      detail: { path: '/api/claims/c-1/status', needs: 'editor', reason: 'role' },
    });
    expect(csrf).toMatchObject({
      actor: 'ed',
      role: 'editor',
      target: 'PUT /api/claims/:id/status',
      detail: { path: '/api/claims/c-2/status', needs: 'editor', reason: 'csrf' },
    });
    expect(JSON.stringify(entries)).not.toContain(secret);
  });
});
