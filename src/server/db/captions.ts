/**
 * The perspective of the request being served, for the captions made deep inside result
 * conversion (db/graph.ts): every endpoint's nodes are captioned the way the connected database's
 * perspective says, without threading it through each query module. buildApp enters it once per
 * request (AsyncLocalStorage follows the handler's async calls); outside a request the generic
 * rule applies.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Perspective } from '../../shared/api/perspectives';

const storage = new AsyncLocalStorage<Perspective | null>();

/** Runs `fn` (and everything it starts) with `p` as the perspective for captions. */
export function runWithPerspective<T>(p: Perspective | null, fn: () => T): T {
  return storage.run(p, fn);
}

/** The perspective of the current request, or null (generic captions). O(1). */
export function currentPerspective(): Perspective | null {
  return storage.getStore() ?? null;
}
