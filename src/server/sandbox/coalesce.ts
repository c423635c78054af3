/**
 * One run of an identical read for everyone who asks while it is running. A whole-graph saved
 * query (most connected, coverage by outlet) costs the same for every caller, and a newsroom opens
 * the same ones at the same time: without this, twenty analysts make Neo4j do the work twenty
 * times over on a server with two cores, and the tenth waits behind the other nine.
 *
 * Nothing is kept once a run settles, so an answer is never older than the moment the caller
 * joined a run already under way: a write committed after that run began may be missing, exactly
 * as if the caller had arrived a moment earlier. A failure (a timeout, Neo4j down) reaches every
 * caller of that run; the next request starts afresh.
 */
export class Coalescer<T> {
  private readonly running = new Map<string, { scope: readonly unknown[]; result: Promise<T> }>();

  /**
   * `work()`'s result, shared with a run of the same `key` already in flight whose `scope`
   * holds the same objects (by identity: the database, the perspective captions are made with).
   * Cost: O(key length) for the look-up; the work itself at most once per in-flight key.
   */
  run(key: string, scope: readonly unknown[], work: () => Promise<T>): Promise<T> {
    const current = this.running.get(key);
    if (current && sameScope(current.scope, scope)) return current.result;
    const result = work();
    const entry = { scope, result };
    // A run of the same key in another scope (a perspective changed meanwhile) takes the slot;
    // the older run still answers its own callers.
    this.running.set(key, entry);
    const clear = () => {
      if (this.running.get(key) === entry) this.running.delete(key);
    };
    result.then(clear, clear);
    return result;
  }

  /** Runs in flight (for tests and metrics). O(1). */
  get inFlight(): number {
    return this.running.size;
  }
}

/** Two scopes hold the same objects, in order (identity, not equality). O(scope length). */
export function sameScope(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
