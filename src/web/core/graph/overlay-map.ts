/**
 * An immutable map whose versions share their data, so adding k entries to an n-entry map costs
 * O(k) amortised instead of a copy of all n (the graph store's pools: every expansion is a new
 * state and undo keeps the old ones).
 *
 * A version is a frozen base map plus a prefix of an append-only log of writes. The log is shared
 * by every version made from the same base: writing to the newest version (the usual case) appends
 * in place; writing to an older one (after an undo) copies its prefix first. When the log outgrows
 * a fraction of the base, the new version is compacted into a plain map, which becomes the next
 * base: O(n) once per n·COMPACT_FRACTION writes. Reads are O(1) for the newest version (an older
 * one walks back over the later writes of the key). Iteration follows Map order: the base's keys,
 * then new keys in the order first written; a rewritten key keeps its place. No deletes (the store
 * prunes by building plain maps).
 */

/** Log index of a key's previous write: none, and the key is new to the base. */
const NEW = -2;
/** Log index of a key's previous write: none, and the key overrides a base entry. */
const OVERRIDE = -1;

/** The log is compacted when longer than this fraction of the base (and than COMPACT_MIN). */
const COMPACT_FRACTION = 0.25;
const COMPACT_MIN = 64;

interface Log<K, V> {
  readonly base: ReadonlyMap<K, V>;
  readonly keys: K[];
  readonly values: V[];
  /** Per write, the index of the same key's previous write, else NEW or OVERRIDE. */
  readonly prev: number[];
  /** Per key, the index of its latest write. */
  readonly last: Map<K, number>;
  /** For a copy of another log's prefix: that log and the prefix's length (the same writes at the same indices). */
  readonly from?: { log: Log<K, V>; length: number };
  /**
   * For a log over a compacted base: the version compacted (its log, held weakly so bases do not
   * chain up in memory, and length) and the keys written on top of it, so what one step wrote
   * stays known across a compaction.
   */
  readonly compacted?: { log: WeakRef<Log<K, V>>; length: number; keys: readonly K[] };
}

export class OverlayMap<K, V> implements ReadonlyMap<K, V> {
  private constructor(
    private readonly log: Log<K, V>,
    /** How much of the log this version sees. */
    private readonly length: number,
    readonly size: number,
    /** Base keys this version has rewritten (0: the base's values are current). */
    private readonly overrides: number,
  ) {}

  /** A version over `base` with nothing written yet. `base` must not change afterwards. O(1). */
  static over<K, V>(base: ReadonlyMap<K, V>, compacted?: Log<K, V>['compacted']): OverlayMap<K, V> {
    const log: Log<K, V> = {
      base,
      keys: [],
      values: [],
      prev: [],
      last: new Map(),
      ...(compacted ? { compacted } : {}),
    };
    return new OverlayMap(log, 0, base.size, 0);
  }

  /** `map` with `entries` set (later ones win): a new version, `map` unchanged. O(entries) amortised. */
  static with<K, V>(map: ReadonlyMap<K, V>, entries: readonly (readonly [K, V])[]): OverlayMap<K, V> {
    return (map instanceof OverlayMap ? (map as OverlayMap<K, V>) : OverlayMap.over(map)).with(entries);
  }

  /**
   * The keys written between `older` and this version, each once, in the order first written
   * (so new keys in iteration order); null unless this version was made from `older` by writes
   * alone, or when that is no longer known (compacted more than a step ago, or `older` is the
   * newer one). O(keys written).
   */
  static writtenSince<K, V>(map: ReadonlyMap<K, V>, older: ReadonlyMap<K, V>): K[] | null {
    if (map === older) return [];
    if (!(map instanceof OverlayMap)) return null;
    const m = map as OverlayMap<K, V>;
    const out = new Set<K>();
    const c = m.log.compacted;
    let from: number;
    if (older === m.log.base) from = 0;
    else if (older instanceof OverlayMap && older.length <= m.length && m.sharesWrites(older)) from = older.length;
    else if (c && older instanceof OverlayMap && older.log === c.log.deref() && older.length === c.length) {
      for (const k of c.keys) out.add(k);
      from = 0;
    } else return null;
    for (let i = from; i < m.length; i++) out.add(m.log.keys[i]!);
    return [...out];
  }

  /** Whether `older`'s writes are this version's first ones (same log, or the log this one's copies). */
  private sharesWrites(older: OverlayMap<K, V>): boolean {
    const copied = this.log.from;
    return older.log === this.log || (copied?.log === older.log && older.length <= copied.length);
  }

  private with(entries: readonly (readonly [K, V])[]): OverlayMap<K, V> {
    // Past the log's limit: compacted into a plain map, the next base (a first load takes this way).
    if (this.length + entries.length > this.limit()) {
      const map = this.toMap();
      for (const [k, v] of entries) map.set(k, v);
      const keys = entries.map(([k]) => k);
      return OverlayMap.over(map, { log: new WeakRef(this.log), length: this.length, keys });
    }
    // Another version already appended past this one: continue on a copy of this one's prefix.
    const log = this.length === this.log.keys.length ? this.log : this.copyLog();
    let { size, overrides } = this;
    for (const [k, v] of entries) {
      let prev = log.last.get(k);
      if (prev === undefined) {
        prev = log.base.has(k) ? OVERRIDE : NEW;
        if (prev === NEW) size++;
        else overrides++;
      }
      log.last.set(k, log.keys.length);
      log.keys.push(k);
      log.values.push(v);
      log.prev.push(prev);
    }
    return new OverlayMap(log, log.keys.length, size, overrides);
  }

  /** The longest log this version's base allows before compaction. */
  private limit(): number {
    return Math.max(COMPACT_MIN, this.log.base.size * COMPACT_FRACTION);
  }

  /** A plain copy (the base copied natively when none of its entries was rewritten). O(size). */
  private toMap(): Map<K, V> {
    if (this.overrides > 0) return new Map(this.entries());
    const map = new Map(this.log.base);
    const { keys, values, prev } = this.log;
    for (let i = 0; i < this.length; i++) if (prev[i] === NEW) map.set(keys[i]!, values[this.at(keys[i]!)]!);
    return map;
  }

  private copyLog(): Log<K, V> {
    const { base, keys, values, prev } = this.log;
    const log: Log<K, V> = {
      base,
      keys: keys.slice(0, this.length),
      values: values.slice(0, this.length),
      prev: prev.slice(0, this.length),
      last: new Map(),
      from: { log: this.log, length: this.length },
    };
    for (let i = 0; i < this.length; i++) log.last.set(keys[i]!, i);
    return log;
  }

  /** Index of the latest write of `key` this version sees, else negative. */
  private at(key: K): number {
    if (this.length === 0) return NEW;
    let i = this.log.last.get(key);
    if (i === undefined) return NEW;
    while (i >= this.length) i = this.log.prev[i]!;
    return i;
  }

  get(key: K): V | undefined {
    const i = this.at(key);
    return i >= 0 ? this.log.values[i] : this.log.base.get(key);
  }

  has(key: K): boolean {
    return this.at(key) >= 0 || this.log.base.has(key);
  }

  forEach(fn: (value: V, key: K, map: ReadonlyMap<K, V>) => void, thisArg?: unknown): void {
    for (const [k, v] of this.entries()) fn.call(thisArg, v, k, this);
  }

  // Iterators: the base's own when nothing was written (a fresh load, a compacted pool), else
  // over an array built natively (a generator costs several times more per item).
  entries(): MapIterator<[K, V]> {
    const { base, keys, values, prev } = this.log;
    if (this.length === 0) return base.entries();
    const out: [K, V][] = this.overrides === 0 ? [...base] : [];
    if (this.overrides > 0)
      for (const [k, v] of base) {
        const i = this.at(k);
        out.push([k, i >= 0 ? values[i]! : v]);
      }
    for (let i = 0; i < this.length; i++) if (prev[i] === NEW) out.push([keys[i]!, values[this.at(keys[i]!)]!]);
    return asMapIterator(out);
  }

  keys(): MapIterator<K> {
    const { base, keys, prev } = this.log;
    if (this.length === 0) return base.keys();
    const out = [...base.keys()];
    for (let i = 0; i < this.length; i++) if (prev[i] === NEW) out.push(keys[i]!);
    return asMapIterator(out);
  }

  values(): MapIterator<V> {
    const { base, keys, values, prev } = this.log;
    if (this.length === 0) return base.values();
    if (this.overrides > 0) return asMapIterator([...this.entries()].map(([, v]) => v));
    const out = [...base.values()];
    for (let i = 0; i < this.length; i++) if (prev[i] === NEW) out.push(values[this.at(keys[i]!)]!);
    return asMapIterator(out);
  }

  [Symbol.iterator](): MapIterator<[K, V]> {
    return this.entries();
  }

  get [Symbol.toStringTag](): string {
    return 'OverlayMap';
  }
}

/** An array's iterator as a Map's (the same protocol; Map iterators have no other members here). */
function asMapIterator<T>(items: T[]): MapIterator<T> {
  return items.values() as unknown as MapIterator<T>;
}
