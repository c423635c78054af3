/**
 * Keeps the audit trail append-only through a restore: the restored store gets every entry of
 * the store it replaces that it does not hold already. A restore brings back a store as it was,
 * but what happened since (the entries written after the backup was taken) did happen.
 */
import { createHash } from 'node:crypto';
import type { AppStore, SqliteDb } from '../../runtime/store/app-store';
import { createAudit } from './audit';

/** Every column of an entry but its id: two entries are the same entry when these all agree. */
const CONTENT = [
  'at',
  'actor',
  'role',
  'action',
  'target',
  'before_json',
  'after_json',
  'detail_json',
  'origin',
  'origin_ref',
  'origin_label',
] as const;

type Row = { id: number } & Record<string, unknown>;

const hasTrail = (db: SqliteDb) =>
  db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'audit_entries'").get() !== undefined;

/** The columns both trails have, and an entry's content key over them. */
function contentOf(from: SqliteDb) {
  const fromColumns = new Set(
    (from.prepare('PRAGMA table_info(audit_entries)').all() as { name: string }[]).map((c) => c.name),
  );
  // An older store lacks the newer columns: compare on those both have (the rest are NULL in `into`).
  const common = CONTENT.filter((c) => fromColumns.has(c));
  const key = (r: Row) =>
    createHash('sha256')
      .update(JSON.stringify(common.map((c) => r[c] ?? null)))
      .digest('base64');
  return { common, key };
}

/** Appends `rows` (in order) to `into`'s trail, each keeping its id when above every id there. */
function append(into: AppStore, rows: Row[], common: readonly string[]): void {
  const insert = into.db.prepare(
    `INSERT INTO audit_entries (id, ${common.join(', ')}) VALUES (${['?', ...common.map(() => '?')].join(', ')})`,
  );
  const maxId = into.db.prepare('SELECT max(id) AS id FROM audit_entries').pluck();
  into.db.transaction(() => {
    for (const r of rows) {
      const top = (maxId.get() as number | null) ?? 0;
      insert.run(r.id > top ? r.id : null, ...common.map((c) => r[c] ?? null));
    }
  })();
}

/**
 * Appends to `into`'s trail the entries of `from`'s that it lacks, in `from`'s order, in one
 * transaction; returns how many. An entry keeps its id when that id is above every id `into`
 * holds (the usual case: `into` is a backup of the same store, so the new entries are its tail),
 * else it gets the next free one. Entries are matched by content, as a multiset, so carrying
 * over twice adds nothing the second time and two identical entries stay two.
 * Cost: one pass over both trails (a short hash per entry held in memory) plus the inserts.
 */
export function carryOverAudit(into: AppStore, from: SqliteDb): number {
  createAudit(into); // brings `into`'s table up to the current columns
  if (!hasTrail(from)) return 0;
  const { common, key } = contentOf(from);
  const held = new Map<string, number>();
  for (const r of into.db.prepare('SELECT * FROM audit_entries').iterate() as Iterable<Row>) {
    const k = key(r);
    held.set(k, (held.get(k) ?? 0) + 1);
  }
  const missing: Row[] = [];
  for (const r of from.prepare('SELECT * FROM audit_entries ORDER BY id').iterate() as Iterable<Row>) {
    const k = key(r);
    const n = held.get(k) ?? 0;
    if (n > 0) held.set(k, n - 1);
    else missing.push(r);
  }
  if (missing.length) append(into, missing, common);
  return missing.length;
}

/** Where a trail stands: its last id, how many entries it has, the last one's content key. */
export interface TrailMark {
  through: number;
  count: number;
  last: string | null;
}

/** Where `from`'s trail stands now. Cost: a count over the trail. */
export function trailMark(from: SqliteDb): TrailMark {
  if (!hasTrail(from)) return { through: 0, count: 0, last: null };
  const { key } = contentOf(from);
  const last = from.prepare('SELECT * FROM audit_entries ORDER BY id DESC LIMIT 1').get() as Row | undefined;
  const count = from.prepare('SELECT count(*) FROM audit_entries').pluck().get() as number;
  return { through: last?.id ?? 0, count, last: last ? key(last) : null };
}

/**
 * The entries `from` gained since `mark`, appended to `into` (which has carried over `from`'s
 * trail as it stood at `mark`); returns how many, or null when the trail up to `mark` is no longer
 * the one marked (another restore replaced it since): then only a full carryOverAudit will do.
 * The trail is append-only and its ids grow in commit order, so what came since is what lies
 * above `mark`, and none of it can be in `into` yet.
 * Cost: a count up to `mark`, plus the new entries.
 */
export function carryOverAuditSince(into: AppStore, from: SqliteDb, mark: TrailMark): number | null {
  createAudit(into);
  if (!hasTrail(from)) return mark.count === 0 ? 0 : null;
  const { common, key } = contentOf(from);
  const count = from.prepare('SELECT count(*) FROM audit_entries WHERE id <= ?').pluck().get(mark.through) as number;
  const at = from.prepare('SELECT * FROM audit_entries WHERE id = ?').get(mark.through) as Row | undefined;
  if (count !== mark.count || (at ? key(at) : null) !== mark.last) return null;
  const since = from.prepare('SELECT * FROM audit_entries WHERE id > ? ORDER BY id').all(mark.through) as Row[];
  if (since.length) append(into, since, common);
  return since.length;
}

/**
 * Where entries of `from`'s trail went in `into` once carried over: `from`'s id → `into`'s, for
 * each of `ids` that `into` holds (others, and ids `from` lacks, are left out). An entry is the
 * one with its content at the same rank among identical twins, as carryOverAudit matches them;
 * its id may differ (a carry-over may renumber). For what names entries by id beside the trail
 * (the merge map): ask only for the entries it lacks, a few.
 * Cost per id: a primary-key read and two look-ups by content (the target index).
 */
export function carriedIds(into: AppStore, from: SqliteDb, ids: Iterable<number>): Map<number, number> {
  const out = new Map<number, number>();
  if (!hasTrail(from) || !hasTrail(into.db)) return out;
  const { common } = contentOf(from);
  const same = common.map((c) => `${c} IS ?`).join(' AND ');
  const get = from.prepare('SELECT * FROM audit_entries WHERE id = ?');
  const rank = from.prepare(`SELECT count(*) FROM audit_entries WHERE ${same} AND id < ?`).pluck();
  const nth = into.db.prepare(`SELECT id FROM audit_entries WHERE ${same} ORDER BY id LIMIT 1 OFFSET ?`).pluck();
  for (const id of ids) {
    const r = get.get(id) as Row | undefined;
    if (!r || out.has(id)) continue;
    const values = common.map((c) => r[c] ?? null);
    const found = nth.get(...values, rank.get(...values, id)) as number | undefined;
    if (found !== undefined) out.set(id, found);
  }
  return out;
}
