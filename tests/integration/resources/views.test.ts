/**
 * Saved views: a recipe too long for a link is stored in the app store under an id derived from
 * it and audited; the id reads it back; a viewer may save (sharing is reading) but not without signing in,
 * not a body that is not a recipe or is too big, and not more than the per-minute allowance.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_SAVED_VIEW_CHARS } from '../../../src/shared/api/views';
import { openAppStore, type AppStore } from '../../../src/runtime/store/app-store';
import { makeTestApi, type TestApi } from '../../support/api';
import { addUser, as, signIn } from '../../support/auth';

let api: TestApi;
let store: AppStore;
beforeAll(async () => {
  store = openAppStore(':memory:');
  await addUser(store, 'ada', 'admin');
  await addUser(store, 'vera', 'viewer');
  await addUser(store, 'vlad', 'viewer');
  api = await makeTestApi({ store, envVars: { NEWSGRAPH_LOGIN_LIMIT: '500' } });
});
afterAll(async () => api?.close());

/** A recipe-shaped string of about `n` characters, different for each `seed`. */
const recipe = (n: number, seed: string) =>
  `1.${Buffer.from(`${seed}-`.repeat(Math.ceil(n / (seed.length + 1))))
    .toString('base64url')
    .slice(0, n)}`;

describe('saved views', () => {
  it('stores a long recipe for a signed-in viewer and gives it back by id; the same recipe keeps its id; saves are audited', async () => {
    const who = await signIn(api.app, 'vera');
    const long = recipe(20_000, 'a');
    const saved = await as(api.app, who, 'POST', '/api/views', { recipe: long });
    expect(saved.status).toBe(200);
    const id = saved.body.id as string;
    expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const again = await as(api.app, who, 'POST', '/api/views', { recipe: long });
    expect(again.body.id).toBe(id);
    const read = await as(api.app, who, 'GET', `/api/views/${id}`);
    expect(read.status).toBe(200);
    expect(read.body.recipe).toBe(long);
    const other = await as(api.app, who, 'POST', '/api/views', { recipe: recipe(20_000, 'b') });
    expect(other.body.id).not.toBe(id);
    // Each save is in the audit trail, with who saved which view.
    const trail = store.db
      .prepare("SELECT actor, target FROM audit_entries WHERE action = 'view.save' ORDER BY id")
      .all() as { actor: string; target: string }[];
    expect(trail).toEqual([
      { actor: 'vera', target: id },
      { actor: 'vera', target: id },
      { actor: 'vera', target: other.body.id },
    ]);
  });

  it('refuses callers without an account, bodies that are not recipes or too big, and unknown ids', async () => {
    expect((await as(api.app, {}, 'POST', '/api/views', { recipe: recipe(100, 'c') })).status).toBe(401);
    const who = await signIn(api.app, 'vera');
    const notRecipe = await as(api.app, who, 'POST', '/api/views', { recipe: '<script>' });
    expect(notRecipe.status).toBe(400);
    const huge = await as(api.app, who, 'POST', '/api/views', { recipe: recipe(MAX_SAVED_VIEW_CHARS + 10, 'd') });
    expect(huge.status).toBe(400);
    expect((await as(api.app, who, 'GET', `/api/views/${'x'.repeat(22)}`)).status).toBe(404);
    expect((await as(api.app, who, 'GET', '/api/views/short')).status).toBe(400);
  });

  it('limits how many views one caller saves in a minute; another caller is not affected', async () => {
    const who = await signIn(api.app, 'vlad');
    const statuses: number[] = [];
    for (let i = 0; i < 32; i++)
      statuses.push((await as(api.app, who, 'POST', '/api/views', { recipe: recipe(200, `r${i}`) })).status);
    expect(statuses.slice(0, 30).every((s) => s === 200)).toBe(true);
    expect(statuses.slice(30)).toEqual([429, 429]);
    const vera = await signIn(api.app, 'vera');
    expect((await as(api.app, vera, 'POST', '/api/views', { recipe: recipe(200, 'e') })).status).toBe(200);
  });
});
