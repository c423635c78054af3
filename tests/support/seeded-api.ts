/**
 * The API on the seeded Belgorod graph for a whole file: what the read-only resource and sandbox
 * tests start from.
 */
import { afterAll, beforeAll, expect } from 'vitest';
import { makeTestApi, type TestApi } from './api';
import { ensureSeeded } from './seeded';

/**
 * Registers the file's beforeAll (seed, then build the API) and afterAll (close it). The object it
 * returns forwards to the API built in beforeAll, so the file can hold it in a const and its tests
 * read as before (`api.get(...)`); using it outside a test (at import) throws.
 */
export function useSeededApi(): TestApi {
  let current: TestApi | undefined;
  const live = (): TestApi => {
    if (!current) throw new Error('the seeded API exists only once beforeAll has run');
    return current;
  };
  beforeAll(async () => {
    await ensureSeeded();
    current = await makeTestApi();
  });
  afterAll(async () => current?.close());
  return {
    get app() {
      return live().app;
    },
    get driver() {
      return live().driver;
    },
    get: (url, headers) => live().get(url, headers),
    post: (url, payload, headers) => live().post(url, payload, headers),
    close: () => live().close(),
  };
}

/** The element id of the node with our `id` property `key`, as GET /api/nodes/:id hands it out. */
export async function nodeIdOf(api: TestApi, key: string): Promise<string> {
  const r = await api.get(`/api/nodes/${encodeURIComponent(key)}`);
  expect(r.status).toBe(200);
  return r.body.node.id as string;
}
