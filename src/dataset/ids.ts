import type { EntityRecord } from './read';
import type { Article, Claim } from './schema';

/**
 * Articles, entities and claims by id, for the row builders (rows.ts): an open-addressing hash
 * table of positions in one Int32Array (~6 B per node) that points back into the seed's own
 * arrays. A Map per lookup (label, name, outlet, publication date, claim) cost ~35 B per entry
 * and per map: ~90 MB of loader heap at 10M relationships (1.6M nodes), growing with the graph
 * while everything else the loader holds is bounded by the batch size.
 *
 * Ids are unique across the three kinds (the validator checks it); if one were not, the last
 * record with it wins, as with a Map.
 */
export class NodeIndex {
  private readonly slots: Int32Array;
  private readonly nArticles: number;
  private readonly nEntities: number;

  constructor(
    private readonly articles: readonly Article[],
    private readonly entities: readonly EntityRecord[],
    private readonly claims: readonly Claim[],
  ) {
    this.nArticles = articles.length;
    this.nEntities = entities.length;
    const n = this.nArticles + this.nEntities + claims.length;
    // Load factor ≤ 2/3 keeps linear probing short; slot value = position + 1 (0 = empty).
    this.slots = new Int32Array(Math.max(8, Math.ceil(n * 1.5) + 1));
    for (let p = 0; p < n; p++) this.insert(p);
  }

  /** 'Article', 'Entity' or 'Claim', or undefined for an unknown id. */
  labelOf(id: string): 'Article' | 'Entity' | 'Claim' | undefined {
    const p = this.find(id);
    if (p < 0) return undefined;
    return p < this.nArticles ? 'Article' : p < this.nArticles + this.nEntities ? 'Entity' : 'Claim';
  }

  article(id: string): Article | undefined {
    const p = this.find(id);
    return p >= 0 && p < this.nArticles ? this.articles[p] : undefined;
  }

  entity(id: string): EntityRecord | undefined {
    const p = this.find(id) - this.nArticles;
    return p >= 0 && p < this.nEntities ? this.entities[p] : undefined;
  }

  claim(id: string): Claim | undefined {
    const p = this.find(id) - this.nArticles - this.nEntities;
    return p >= 0 ? this.claims[p] : undefined;
  }

  /** A claim's position in the claims list (-1 if none): the order claims are read in. */
  claimPosition(id: string): number {
    const p = this.find(id) - this.nArticles - this.nEntities;
    return p >= 0 ? p : -1;
  }

  private idAt(p: number): string {
    if (p < this.nArticles) return this.articles[p]!.id;
    if (p < this.nArticles + this.nEntities) return this.entities[p - this.nArticles]!.data.id;
    return this.claims[p - this.nArticles - this.nEntities]!.id;
  }

  private insert(p: number): void {
    const id = this.idAt(p);
    const size = this.slots.length;
    for (let i = hash(id) % size; ; i = (i + 1) % size) {
      const s = this.slots[i]!;
      if (s === 0 || this.idAt(s - 1) === id) {
        this.slots[i] = p + 1;
        return;
      }
    }
  }

  private find(id: string): number {
    const size = this.slots.length;
    for (let i = hash(id) % size; ; i = (i + 1) % size) {
      const s = this.slots[i]!;
      if (s === 0) return -1;
      if (this.idAt(s - 1) === id) return s - 1;
    }
  }
}

/** FNV-1a over UTF-16 code units, as an unsigned 32-bit integer. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
