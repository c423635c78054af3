/**
 * The merge map through a restore of the app store. Where the graph was not rolled back with the
 * store (the user's own Neo4j: only the store is backed up), the merges and undos made since the
 * backup still hold in it, so their rows must too: a row written since is appended, an undo made
 * since marks its row. Where the graph went back with the store (the managed Neo4j, restored from
 * the same backup), the backup's rows are the ones that match it: that database's live rows are
 * left behind, as its graph left those merges behind. The audit entries stay either way (the
 * trail only grows): a merge made since then simply has no row, as before rows were kept.
 */
import type { AppStore, SqliteDb } from '../../../runtime/store/app-store';
import { carriedIds } from '../../audit/carry-over';
import { migrateMergeMap, type MergeMapRow } from './merge-map';

/** A row with the columns a carry-over also compares: which database, and its undo. */
interface Row extends MergeMapRow {
  database: string;
  undone_by: number | null;
}

const hasTable = (db: SqliteDb, name: string) =>
  db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;

/**
 * Carries into `into` (the store about to be restored, its trail already carried over from
 * `from`'s) the rows and undo marks of `from`'s merge map that it lacks, but none of database
 * `graphRestored` (the database whose graph was restored with the store, if any). A row carried
 * names `into`'s ids of its entries (a carry-over may renumber); one whose entries `into`'s trail
 * lacks is left out. Rows are matched by database and merge entry, so carrying over twice adds
 * nothing. Returns how many rows were added or marked.
 * Cost: one pass over both maps; for each row or mark added, a few indexed reads of the trails.
 */
export function carryOverMergeMap(into: AppStore, from: SqliteDb, graphRestored: string | null): number {
  if (!hasTable(from, 'merge_map')) return 0;
  migrateMergeMap(into);
  // A store from before undos were kept has no undone_by column: none of its merges was undone.
  const withUndo = (from.prepare('PRAGMA table_info(merge_map)').all() as { name: string }[]).some(
    (c) => c.name === 'undone_by',
  );
  const at = (database: string, auditId: number) => JSON.stringify([database, auditId]);
  const held = new Map<string, Row>();
  for (const r of into.db.prepare('SELECT * FROM merge_map').iterate() as Iterable<Row>)
    held.set(at(r.database, r.audit_id), r);
  // The backup's rows are the live store's under the same ids: only what differs needs the trail.
  const same = (a: Row, b: Row | undefined) =>
    b !== undefined && a.dup_id === b.dup_id && a.survivor_id === b.survivor_id && a.at === b.at;
  const todo: Row[] = [];
  for (const r of from
    .prepare(`SELECT *${withUndo ? '' : ', NULL AS undone_by'} FROM merge_map WHERE database IS NOT ? ORDER BY seq`)
    .iterate(graphRestored) as Iterable<Row>) {
    const h = held.get(at(r.database, r.audit_id));
    if (!same(r, h) || (r.undone_by !== null && h!.undone_by === null)) todo.push(r);
  }
  if (!todo.length) return 0;
  const ids = carriedIds(
    into,
    from,
    todo.flatMap((r) => (r.undone_by === null ? [r.audit_id] : [r.audit_id, r.undone_by])),
  );
  const insert = into.db.prepare(
    `INSERT INTO merge_map (database, dup_id, dup_key, dup_name, survivor_id, survivor_key, survivor_name, at, actor, audit_id, undone_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const mark = into.db.prepare(
    'UPDATE merge_map SET undone_by = ? WHERE database = ? AND audit_id = ? AND undone_by IS NULL',
  );
  let changed = 0;
  into.db.transaction(() => {
    for (const r of todo) {
      const auditId = ids.get(r.audit_id);
      const undoneBy = r.undone_by === null ? null : ids.get(r.undone_by);
      if (auditId === undefined || undoneBy === undefined) continue;
      const k = at(r.database, auditId);
      const h = held.get(k);
      if (!h)
        insert.run(
          r.database,
          r.dup_id,
          r.dup_key,
          r.dup_name,
          r.survivor_id,
          r.survivor_key,
          r.survivor_name,
          r.at,
          r.actor,
          auditId,
          undoneBy,
        );
      else if (h.undone_by === null && undoneBy !== null) mark.run(undoneBy, r.database, auditId);
      else continue;
      held.set(k, { ...r, audit_id: auditId, undone_by: undoneBy });
      changed++;
    }
  })();
  return changed;
}
