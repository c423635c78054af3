/**
 * Where merged-away entities went: one row per merge (duplicate → survivor, when, who, the audit
 * entry), kept in the app's store beside the audit trail — never in the graph, which the app may
 * not own. A link, saved view or review item that still names the duplicate is answered with its
 * survivor.
 *
 * Neo4j hands a deleted node's element id to new nodes, so a row is consulted only once the
 * address finds no node, and a key (our `id`, unique among entities) is preferred to an element id.
 */
import type { AppStore } from '../../../runtime/store/app-store';
import { looksLikeElementId } from '../../db/runner';

export interface MergeRecord {
  duplicate: { id: string; key: string | null; name: string | null };
  survivor: { id: string; key: string | null; name: string | null };
  /** ISO time of the merge. */
  at: string;
  by: string;
  /** The `node.merge` audit entry. */
  auditId: number;
}

export interface MergeMap {
  /** Appends one merge. Cost: one insert (call it in the audit entry's store transaction). */
  record(m: MergeRecord): void;
  /** The newest merge whose duplicate had this address (a key, or an element id). Cost: one indexed read. */
  lookup(address: string): MergeRecord | null;
  /** The undo's audit id when this merge was undone, null when not, undefined when no row names it. Cost: one read. */
  undoneBy(mergeAuditId: number): number | null | undefined;
  /** Marks that merge undone by `undoAuditId`: its row stops redirecting. Cost: one update (in the undo's store transaction). */
  markUndone(mergeAuditId: number, undoAuditId: number): void;
}

const MIGRATIONS = [
  // One store may serve several databases in turn (NEO4J_URI changed, same data folder): a key of
  // one must not redirect in another, so every row and look-up names its database.
  `CREATE TABLE merge_map (
     seq INTEGER PRIMARY KEY AUTOINCREMENT,
     database TEXT NOT NULL,
     dup_id TEXT NOT NULL,
     dup_key TEXT,
     dup_name TEXT,
     survivor_id TEXT NOT NULL,
     survivor_key TEXT,
     survivor_name TEXT,
     at TEXT NOT NULL,
     actor TEXT NOT NULL,
     audit_id INTEGER NOT NULL
   );
   CREATE INDEX merge_map_dup_id ON merge_map (database, dup_id, seq);
   CREATE INDEX merge_map_dup_key ON merge_map (database, dup_key, seq);`,
  // An undone merge keeps its row (the history) but no longer redirects.
  `ALTER TABLE merge_map ADD COLUMN undone_by INTEGER;`,
];

/** A merge map row's columns as the lookups read them. */
export interface MergeMapRow {
  dup_id: string;
  dup_key: string | null;
  dup_name: string | null;
  survivor_id: string;
  survivor_key: string | null;
  survivor_name: string | null;
  at: string;
  actor: string;
  audit_id: number;
}

/** Brings `store`'s merge map table up to the current version. */
export const migrateMergeMap = (store: AppStore) => store.migrate('merge_map', MIGRATIONS);

/** The merge map of one database (`database`: its identity, as the perspectives key it: URI and name). */
export function createMergeMap(store: AppStore, database: string): MergeMap {
  migrateMergeMap(store);
  const insert = store.db.prepare(
    `INSERT INTO merge_map (database, dup_id, dup_key, dup_name, survivor_id, survivor_key, survivor_name, at, actor, audit_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const byId = store.db.prepare<[string, string], MergeMapRow>(
    'SELECT * FROM merge_map WHERE database = ? AND dup_id = ? AND undone_by IS NULL ORDER BY seq DESC LIMIT 1',
  );
  const byKey = store.db.prepare<[string, string], MergeMapRow>(
    'SELECT * FROM merge_map WHERE database = ? AND dup_key = ? AND undone_by IS NULL ORDER BY seq DESC LIMIT 1',
  );
  const byAudit = store.db.prepare<[string, number], { undone_by: number | null }>(
    'SELECT undone_by FROM merge_map WHERE database = ? AND audit_id = ?',
  );
  const undo = store.db.prepare('UPDATE merge_map SET undone_by = ? WHERE database = ? AND audit_id = ?');
  return {
    record(m) {
      insert.run(
        database,
        m.duplicate.id,
        m.duplicate.key,
        m.duplicate.name,
        m.survivor.id,
        m.survivor.key,
        m.survivor.name,
        m.at,
        m.by,
        m.auditId,
      );
    },
    undoneBy(mergeAuditId) {
      const r = byAudit.get(database, mergeAuditId);
      return r ? r.undone_by : undefined;
    },
    markUndone(mergeAuditId, undoAuditId) {
      undo.run(undoAuditId, database, mergeAuditId);
    },
    lookup(address) {
      const r = (looksLikeElementId(address) ? byId : byKey).get(database, address);
      return r
        ? {
            duplicate: { id: r.dup_id, key: r.dup_key, name: r.dup_name },
            survivor: { id: r.survivor_id, key: r.survivor_key, name: r.survivor_name },
            at: r.at,
            by: r.actor,
            auditId: r.audit_id,
          }
        : null;
    },
  };
}

/** The longest chain followed (A into B into C…); a loop in the rows stops there too. */
const MAX_STEPS = 50;

/** How a survivor is addressed: by its key when it has one (an element id may have been reused). */
export const survivorAddress = (m: MergeRecord) => m.survivor.key ?? m.survivor.id;

/**
 * Follows the merges from an address that finds no node to the first survivor that does (`find`
 * looks one up in the graph: a survivor merged away later finds nothing and the chain goes on).
 * Null when the address was never merged away, or no survivor along the chain exists any more.
 * Cost: one indexed read and one `find` per step.
 */
export async function followMerges<T>(
  map: MergeMap,
  address: string,
  find: (address: string) => Promise<T | null>,
): Promise<{ node: T; first: MergeRecord; last: MergeRecord } | null> {
  const seen = new Set<string>([address]);
  let first: MergeRecord | null = null;
  let at = address;
  for (let i = 0; i < MAX_STEPS; i++) {
    const m = map.lookup(at);
    if (!m) return null;
    first ??= m;
    const next = survivorAddress(m);
    const node = await find(next);
    if (node) return { node, first, last: m };
    if (seen.has(next)) return null;
    seen.add(next);
    at = next;
  }
  return null;
}
