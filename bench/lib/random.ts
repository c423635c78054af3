/**
 * Seeded randomness for the generators: the same seed gives the same data on every machine,
 * so benchmark runs load identical graphs.
 */

/** mulberry32: tiny, fast, good enough for synthetic data (not for cryptography). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Random {
  /** mulberry32's whole state: saving it lets a generator replay its draws from that point. */
  private a: number;
  constructor(seed: number) {
    this.a = seed >>> 0;
  }
  /** The same generator as rng(seed), as a method so its state can be read and restored. */
  readonly next = (): number => {
    this.a = (this.a + 0x6d2b79f5) >>> 0;
    let t = this.a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  /** The current state; `Random.at(state)` continues the same sequence from here. */
  get state(): number {
    return this.a;
  }
  static at(state: number): Random {
    return new Random(state);
  }
  /** Integer in [lo, hi] (inclusive). */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  hex(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += Math.floor(this.next() * 16).toString(16);
    return s;
  }
}

/**
 * Zipf-like sampler over ranks 0..n-1 (rank 0 most popular): P(r) ∝ 1/(r+1)^s.
 * Cost: O(n) to build (a cumulative table), O(log n) per draw.
 */
export class Zipf {
  private readonly cdf: Float64Array;
  constructor(
    readonly n: number,
    s = 1,
  ) {
    this.cdf = new Float64Array(n);
    let acc = 0;
    for (let r = 0; r < n; r++) {
      acc += 1 / Math.pow(r + 1, s);
      this.cdf[r] = acc;
    }
    for (let r = 0; r < n; r++) this.cdf[r]! /= acc;
  }
  draw(u: number): number {
    let lo = 0;
    let hi = this.n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cdf[mid]! < u) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
