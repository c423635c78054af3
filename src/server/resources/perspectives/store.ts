/**
 * Perspectives and their saved queries in the app's own store (SQLite), keyed by the database
 * they belong to (its URI and name): what the app remembers about someone else's graph lives
 * here, never in that graph.
 */
import { PerspectiveSchema, type Perspective } from '../../../shared/api/perspectives';
import type { AppStore } from '../../../runtime/store/app-store';

const MIGRATIONS = [
  `CREATE TABLE perspectives_saved (
     database TEXT PRIMARY KEY,
     origin TEXT NOT NULL CHECK (origin IN ('derived', 'saved')),
     file TEXT,
     json TEXT NOT NULL,
     updated_at TEXT NOT NULL,
     updated_by TEXT NOT NULL
   );
   CREATE TABLE perspectives_queries (
     database TEXT NOT NULL,
     name TEXT NOT NULL,
     text TEXT NOT NULL,
     updated_at TEXT NOT NULL,
     updated_by TEXT NOT NULL,
     PRIMARY KEY (database, name)
   );`,
  // Who owns a query (may save over or delete it) is who first saved it, not whoever saved it last:
  // an admin's fix must not take an editor's query away from them.
  `ALTER TABLE perspectives_queries ADD COLUMN owner TEXT;
   UPDATE perspectives_queries SET owner = updated_by;`,
];

export interface StoredPerspective {
  perspective: Perspective;
  origin: 'derived' | 'saved';
  file: string | null;
  updatedAt: string;
  updatedBy: string;
}

export interface StoredQuery {
  name: string;
  text: string;
  updatedAt: string;
  updatedBy: string;
  /** The account that first saved it; kept when anyone saves over it. */
  owner: string;
}

interface PerspectiveRow {
  origin: 'derived' | 'saved';
  file: string | null;
  json: string;
  updated_at: string;
  updated_by: string;
}

/** Reads and writes one table pair; every call is one indexed statement. */
export class PerspectiveStore {
  constructor(private readonly store: AppStore) {
    store.migrate('perspectives', MIGRATIONS);
  }

  get(database: string): StoredPerspective | null {
    const row = this.store.db
      .prepare<[string], PerspectiveRow>(
        'SELECT origin, file, json, updated_at, updated_by FROM perspectives_saved WHERE database = ?',
      )
      .get(database);
    if (!row) return null;
    // A row that no longer validates (an older format) is ignored rather than breaking the explorer.
    const parsed = PerspectiveSchema.safeParse(JSON.parse(row.json));
    if (!parsed.success) return null;
    return {
      perspective: parsed.data,
      origin: row.origin,
      file: row.file,
      updatedAt: row.updated_at,
      updatedBy: row.updated_by,
    };
  }

  put(database: string, p: StoredPerspective): void {
    this.store.db
      .prepare(
        `INSERT INTO perspectives_saved (database, origin, file, json, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT(database) DO UPDATE SET origin = excluded.origin, file = excluded.file, json = excluded.json,
           updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
      )
      .run(database, p.origin, p.file, JSON.stringify(p.perspective), p.updatedAt, p.updatedBy);
  }

  remove(database: string): boolean {
    return this.store.db.prepare('DELETE FROM perspectives_saved WHERE database = ?').run(database).changes > 0;
  }

  queries(database: string): StoredQuery[] {
    return this.store.db
      .prepare<[string], { name: string; text: string; updated_at: string; updated_by: string; owner: string | null }>(
        'SELECT name, text, updated_at, updated_by, owner FROM perspectives_queries WHERE database = ? ORDER BY name',
      )
      .all(database)
      .map((r) => ({
        name: r.name,
        text: r.text,
        updatedAt: r.updated_at,
        updatedBy: r.updated_by,
        owner: r.owner ?? r.updated_by,
      }));
  }

  query(database: string, name: string): StoredQuery | null {
    return this.queries(database).find((q) => q.name === name) ?? null;
  }

  /** Saves a query; a new one is owned by who saves it, one saved over keeps its owner. */
  putQuery(database: string, q: Omit<StoredQuery, 'owner'>): void {
    this.store.db
      .prepare(
        `INSERT INTO perspectives_queries (database, name, text, updated_at, updated_by, owner) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT(database, name) DO UPDATE SET text = excluded.text, updated_at = excluded.updated_at,
           updated_by = excluded.updated_by`,
      )
      .run(database, q.name, q.text, q.updatedAt, q.updatedBy, q.updatedBy);
  }

  removeQuery(database: string, name: string): boolean {
    return (
      this.store.db.prepare('DELETE FROM perspectives_queries WHERE database = ? AND name = ?').run(database, name)
        .changes > 0
    );
  }
}
