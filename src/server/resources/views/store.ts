/**
 * Saved views in the app's own store: an encoded view recipe under an id derived from it
 * (sha-256, 22 base64url characters), so the same view saved twice is one row.
 */
import { createHash } from 'node:crypto';
import type { AppStore, SqliteDb } from '../../../runtime/store/app-store';

const MIGRATIONS = [
  `CREATE TABLE views_saved (
     id TEXT PRIMARY KEY,
     recipe TEXT NOT NULL,
     created_at TEXT NOT NULL,
     created_by TEXT NOT NULL
   );`,
];

export interface SavedView {
  id: string;
  recipe: string;
  createdAt: string;
}

/** The id of a recipe: the first 132 bits of its sha-256, base64url. O(size). */
export function viewId(recipe: string): string {
  return createHash('sha256').update(recipe).digest('base64url').slice(0, 22);
}

/** Every call is one indexed statement. */
export class ViewStore {
  constructor(private readonly store: AppStore) {
    store.migrate('views', MIGRATIONS);
  }

  /** Stores the recipe (a second save of the same one keeps the first row); returns its id. */
  save(recipe: string, by: string, now = new Date()): string {
    const id = viewId(recipe);
    this.store.db
      .prepare('INSERT OR IGNORE INTO views_saved (id, recipe, created_at, created_by) VALUES (?, ?, ?, ?)')
      .run(id, recipe, now.toISOString(), by);
    return id;
  }

  get(id: string): SavedView | null {
    const row = this.store.db
      .prepare<[string], { recipe: string; created_at: string }>(
        'SELECT recipe, created_at FROM views_saved WHERE id = ?',
      )
      .get(id);
    return row ? { id, recipe: row.recipe, createdAt: row.created_at } : null;
  }
}

/**
 * A restore keeps the views saved since the backup: their links were handed out, and a view is
 * never changed (its id is its recipe's hash), so one kept cannot disagree with the backup's.
 * Cost: one pass over `from`'s views.
 */
export function carryOverViews(into: AppStore, from: SqliteDb): void {
  const has = from.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'views_saved'").get();
  if (!has) return;
  new ViewStore(into); // brings `into`'s table up to date
  const add = into.db.prepare(
    'INSERT OR IGNORE INTO views_saved (id, recipe, created_at, created_by) VALUES (?, ?, ?, ?)',
  );
  for (const r of from.prepare('SELECT id, recipe, created_at, created_by FROM views_saved').iterate() as Iterable<{
    id: string;
    recipe: string;
    created_at: string;
    created_by: string;
  }>)
    add.run(r.id, r.recipe, r.created_at, r.created_by);
}
