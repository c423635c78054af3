/**
 * The API on the test database with a private in-memory store and a team signed in: what most
 * write-route tests start from. Users are added straight into the store, then sign in through
 * the API (cookie + CSRF), so a session is exactly what the browser would hold.
 */
import { afterAll, beforeAll } from 'vitest';
import type { Role } from '../../src/shared/api/routes';
import { openAppStore, type AppStore } from '../../src/runtime/store/app-store';
import { makeTestApi, type TestApi } from './api';
import { addUser, signIn, type Credentials } from './auth';
import { ensureSeeded, reseed } from './seeded';

export interface Team<Name extends string> {
  api: TestApi;
  store: AppStore;
  /** Each user's session, by name. */
  users: Record<Name, Credentials>;
  close(): Promise<void>;
}

/**
 * `team({ ada: 'admin', ed: 'editor' })`: the API, its store and one signed-in session per user.
 * The login rate limit is raised (tests sign in more often than a person would) unless `envVars`
 * says otherwise.
 */
export async function team<Name extends string>(
  roles: Record<Name, Role>,
  envVars: Record<string, string> = { NEWSGRAPH_LOGIN_LIMIT: '500' },
): Promise<Team<Name>> {
  const store = openAppStore(':memory:');
  const api = await makeTestApi({ store, envVars });
  const names = Object.keys(roles) as Name[];
  for (const name of names) await addUser(store, name, roles[name]);
  const users = {} as Record<Name, Credentials>;
  for (const name of names) users[name] = await signIn(api.app, name);
  return {
    api,
    store,
    users,
    close: async () => {
      await api.close();
      store.close();
    },
  };
}

/**
 * A file's set-up for tests that edit the seeded graph: beforeAll seeds, builds `team(roles)` and
 * hands it to `take` (which keeps what the tests use); afterAll closes it and re-seeds, so what the
 * file wrote cannot reach the next file. A file whose writes all land in the app's store (saved
 * queries, perspectives) passes `{ reseed: false }`: the graph is only read, and a re-seed costs
 * seconds.
 */
export function useTeamOnSeed<Name extends string>(
  roles: Record<Name, Role>,
  take: (t: Team<Name>) => void,
  { reseed: reseedAfter = true }: { reseed?: boolean } = {},
): void {
  let t: Team<Name> | undefined;
  beforeAll(async () => {
    await ensureSeeded();
    t = await team(roles);
    take(t);
  });
  afterAll(async () => {
    await t?.close();
    if (reseedAfter) await reseed();
  });
}
