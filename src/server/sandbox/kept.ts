import { sameScope } from './coalesce';

/**
 * Answers of slow saved queries, kept until the database commits anything. A newsroom opens the
 * same whole-graph queries all day (most connected, coverage by outlet); on a large graph each
 * costs seconds of Neo4j's CPU, and recomputing an answer nothing could have changed helps no one.
 *
 * "Nothing could have changed" is the database's own word: the mark (see `commitMark`) names the
 * last transaction Neo4j committed, from any client. The mark is read before an answer is computed
 * and again before it is served; it is served only if the two are equal, so a write committed
 * during or after the computation always makes the next request compute afresh.
 *
 * Cheap answers are never kept (they cost less to recompute than to hold), and a query is checked
 * only once a run of it has been slow, so fast queries pay nothing. An answer is kept as its JSON
 * text, sent again as it is (no conversion per request, and its size is what it costs to hold);
 * memory is bounded by `maxBytes` of it, least recently used answers dropped first.
 */
export interface KeptOptions {
  /** Keep answers whose run took at least this long (ms). */
  minRunMs: number;
  /** Bound on the kept answers' JSON size, all together. */
  maxBytes: number;
}

interface Entry {
  scope: readonly unknown[];
  mark: string;
  json: string;
}

/** What a look-up found: a kept answer's JSON, or the mark to store the coming run's answer under. */
export type Lookup = { hit: string } | { hit: null; mark: string | null };

/** Queries remembered as slow or fast: enough for any saved-query library, bounded all the same. */
const MAX_TIMED_KEYS = 2_000;

export class KeptResults {
  private readonly entries = new Map<string, Entry>();
  private readonly lastRunMs = new Map<string, number>();
  private bytes = 0;

  constructor(private readonly opts: KeptOptions) {}

  /**
   * The kept answer for `key` in `scope` (compared by identity) if the database has committed
   * nothing since it was computed. Cost: nothing for a query never seen slow; otherwise one call
   * of `mark` (a round trip to Neo4j), O(key length) besides.
   */
  async lookup(key: string, scope: readonly unknown[], mark: () => Promise<string | null>): Promise<Lookup> {
    const entry = this.entries.get(key);
    if (!entry && (this.lastRunMs.get(key) ?? 0) < this.opts.minRunMs) return { hit: null, mark: null };
    const now = await mark();
    if (entry && this.entries.get(key) === entry) {
      if (now !== null && entry.mark === now && sameScope(entry.scope, scope)) {
        // Most recently used last, so eviction takes the oldest first.
        this.entries.delete(key);
        this.entries.set(key, entry);
        return { hit: entry.json };
      }
      this.drop(key);
    }
    return { hit: null, mark: now };
  }

  /**
   * Records a run of `key` that took `ms`, and keeps its answer if it was slow and the mark read
   * before it began is known. `json` makes the answer's text, called only when it is kept;
   * null: the run failed (a timeout counts as slow). Cost: O(answer) for a kept answer, else O(1).
   */
  store(key: string, scope: readonly unknown[], mark: string | null, ms: number, json: (() => string) | null): void {
    this.lastRunMs.delete(key);
    this.lastRunMs.set(key, ms);
    if (this.lastRunMs.size > MAX_TIMED_KEYS) this.lastRunMs.delete(this.lastRunMs.keys().next().value!);
    if (json === null || mark === null || ms < this.opts.minRunMs) return;
    const text = json();
    if (text.length > this.opts.maxBytes / 4) return;
    this.drop(key);
    this.entries.set(key, { scope, mark, json: text });
    this.bytes += text.length;
    for (const old of this.entries.keys()) {
      if (this.bytes <= this.opts.maxBytes) break;
      this.drop(old);
    }
  }

  /** Kept answers and their JSON's length (for tests and metrics). O(1). */
  get size(): { answers: number; bytes: number } {
    return { answers: this.entries.size, bytes: this.bytes };
  }

  private drop(key: string): void {
    const e = this.entries.get(key);
    if (!e) return;
    this.entries.delete(key);
    this.bytes -= e.json.length;
  }
}
