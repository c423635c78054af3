/**
 * The role check is central: every /api route in the shared table needs at least its declared
 * role, and a route registered outside the table is refused to everyone (deny by default).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROUTES } from '../../../src/shared/api/routes';
import { makeTestApi, type TestApi } from '../../support/api';

let api: TestApi;
beforeAll(async () => {
  api = await makeTestApi();
  // A write route somebody forgot to declare: it must not be reachable.
  api.app.post('/api/undeclared-write', async () => ({ wrote: true }));
});
afterAll(async () => api?.close());

describe('roles', () => {
  it('declares a role for every route of the table', () => {
    for (const r of Object.values(ROUTES)) expect(['viewer', 'editor', 'admin', 'public']).toContain(r.role);
    // Only signing in and out is open to nobody-in-particular.
    const open = Object.entries(ROUTES).filter(([, r]) => r.role === 'public');
    expect(open.map(([n]) => n).sort()).toEqual(['login', 'logout', 'session']);
  });

  it('refuses an /api route missing from the route table, whoever asks', async () => {
    const r = await api.post('/api/undeclared-write', {});
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe('FORBIDDEN');
    expect(r.body.wrote).toBeUndefined();
  });

  it('lets declared viewer routes through for the local user', async () => {
    expect((await api.get('/api/health')).status).toBe(200);
  });
});
