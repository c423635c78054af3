import type { Db } from './runner';
import { readQuery } from './runner';

export interface IndexInfo {
  name: string;
  type: string;
  entityType: 'NODE' | 'RELATIONSHIP';
  labelsOrTypes: string[];
  properties: string[];
  state: string;
}

/** The full-text index search uses when the database has it (cypher/schema.cypher). */
export const FULLTEXT_INDEX = 'entity_names';
/** A missing index is re-checked after this long (the database may be seeded after we start). */
const NEGATIVE_TTL_MS = 30_000;

/**
 * What SHOW INDEXES says, cached: fetched once, re-fetched after a search failure (invalidate)
 * and, while the full-text index is missing or a full-text index is still being built, at most
 * every 30 s. Cost: one round trip on a miss.
 */
export class Catalog {
  private cached: { at: number; indexes: IndexInfo[] } | null = null;
  private inflight: Promise<IndexInfo[]> | null = null;

  constructor(private readonly db: Db) {}

  async indexes(): Promise<IndexInfo[]> {
    const c = this.cached;
    if (c && ((hasFulltext(c.indexes) && !populating(c.indexes)) || Date.now() - c.at < NEGATIVE_TTL_MS))
      return c.indexes;
    this.inflight ??= this.fetch().finally(() => (this.inflight = null));
    return this.inflight;
  }

  /** The name of the online full-text index over entity names, or null (→ scan fallback). */
  async fulltextIndex(): Promise<string | null> {
    return hasFulltext(await this.indexes()) ? FULLTEXT_INDEX : null;
  }

  invalidate(): void {
    this.cached = null;
  }

  private async fetch(): Promise<IndexInfo[]> {
    const r = await readQuery(
      this.db,
      'SHOW INDEXES YIELD name, type, entityType, labelsOrTypes, properties, state RETURN name, type, entityType, labelsOrTypes, properties, state',
    );
    const indexes = r.records.map((rec) => ({
      name: String(rec.get('name')),
      type: String(rec.get('type')),
      entityType: rec.get('entityType') === 'RELATIONSHIP' ? ('RELATIONSHIP' as const) : ('NODE' as const),
      labelsOrTypes: ((rec.get('labelsOrTypes') as string[] | null) ?? []).map(String),
      properties: ((rec.get('properties') as string[] | null) ?? []).map(String),
      state: String(rec.get('state')),
    }));
    this.cached = { at: Date.now(), indexes };
    return indexes;
  }
}

/** A full-text index still being built (one the schema just added): search takes it up once it is online. */
function populating(indexes: IndexInfo[]): boolean {
  return indexes.some((i) => i.type === 'FULLTEXT' && i.state === 'POPULATING');
}

function hasFulltext(indexes: IndexInfo[]): boolean {
  return indexes.some((i) => i.name === FULLTEXT_INDEX && i.type === 'FULLTEXT' && i.state === 'ONLINE');
}
