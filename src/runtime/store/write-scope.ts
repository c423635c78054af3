/**
 * Whether the request being answered has written anything yet (to the app store, or committed to
 * Neo4j). A write that then finds the store busy answers STORE_BUSY, which clients send again,
 * only while nothing of the request was written: so a request sent again can never apply twice.
 * Store writes are noted by the store itself (restore-wait.ts); a Neo4j commit by its caller.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

export interface WriteScope {
  wrote: boolean;
}

const scope = new AsyncLocalStorage<WriteScope>();

/** Runs `fn` (and what it starts) with `s` noting its writes. */
export const runInWriteScope = <T>(s: WriteScope, fn: () => T): T => scope.run(s, fn);

/** Something was written for good (outside a scope: nothing to note). */
export function noteWrite(): void {
  const s = scope.getStore();
  if (s) s.wrote = true;
}
