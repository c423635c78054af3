/**
 * The audit trail: one append-only row per write (ingest, accept, reject, edit, merge, undo, saved
 * query, perspective, user change): who, how they came in (session, token, console), when, what,
 * and the state before and after. Kept in the app's store, so it exists for any database, and
 * nothing in the API updates or deletes a row.
 */
import type { AppStore } from '../../runtime/store/app-store';
import type { AuditOrigin } from '../../shared/api/audit';
import type { Actor } from '../http/actor';

export interface AuditEntry {
  id: number;
  /** ISO time. */
  at: string;
  actor: string;
  role: string;
  /** Dotted verb, e.g. `ingest.accept`, `perspective.save`, `user.add`. */
  action: string;
  /** What it acted on (an element id, a batch id, a user name…). */
  target: string | null;
  before: unknown;
  after: unknown;
  /** Free detail: the article and quote behind a graph change, a reason. */
  detail: unknown;
  /** How it came in (session, token, console…); null for entries written before this was kept. */
  origin: AuditOrigin | null;
}

export interface AuditInput {
  action: string;
  target?: string | null;
  before?: unknown;
  after?: unknown;
  detail?: unknown;
}

export interface AuditFilter {
  actor?: string;
  /** An exact action, or a prefix ending in "." (`node.` → every node action). */
  action?: string;
  target?: string;
  /** ISO lower bound (inclusive). */
  since?: string;
  limit?: number;
  /** Entries with id below this (paging backwards). */
  before?: number;
}

export interface Audit {
  /** Appends one entry. Cost: one insert. */
  record(actor: Actor, input: AuditInput): AuditEntry;
  /** Newest first, filtered. Cost: O(limit) with the indexes below. */
  list(filter?: AuditFilter): AuditEntry[];
  /** One entry by its id, or null. Cost: one primary-key read. */
  get(id: number): AuditEntry | null;
}

const MIGRATIONS = [
  `CREATE TABLE audit_entries (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     at TEXT NOT NULL,
     actor TEXT NOT NULL,
     role TEXT NOT NULL,
     action TEXT NOT NULL,
     target TEXT,
     before_json TEXT,
     after_json TEXT,
     detail_json TEXT
   );
   CREATE INDEX audit_entries_actor ON audit_entries (actor, id);
   CREATE INDEX audit_entries_action ON audit_entries (action, id);
   CREATE INDEX audit_entries_target ON audit_entries (target, id);
   -- Append-only, whatever the caller: the store itself refuses changes to a written entry.
   CREATE TRIGGER audit_entries_no_update BEFORE UPDATE ON audit_entries
     BEGIN SELECT RAISE(ABORT, 'audit entries cannot be changed'); END;
   CREATE TRIGGER audit_entries_no_delete BEFORE DELETE ON audit_entries
     BEGIN SELECT RAISE(ABORT, 'audit entries cannot be deleted'); END;`,
  // Entries written before these columns existed keep NULL: their origin is unknown.
  `ALTER TABLE audit_entries ADD COLUMN origin TEXT;
   ALTER TABLE audit_entries ADD COLUMN origin_ref TEXT;
   ALTER TABLE audit_entries ADD COLUMN origin_label TEXT;`,
];

interface Row {
  id: number;
  at: string;
  actor: string;
  role: string;
  action: string;
  target: string | null;
  before_json: string | null;
  after_json: string | null;
  detail_json: string | null;
  origin: AuditOrigin['via'] | null;
  origin_ref: string | null;
  origin_label: string | null;
}

const parse = (s: string | null): unknown => (s === null ? null : JSON.parse(s));
const json = (v: unknown): string | null => (v === undefined || v === null ? null : JSON.stringify(v));

/** The actor's own origin, or the bare way in when it has none (no session or token to name). */
const originOf = (a: Actor): AuditOrigin => a.origin ?? { via: a.via, ref: null, label: null };

export function createAudit(store: AppStore, now: () => Date = () => new Date()): Audit {
  store.migrate('audit', MIGRATIONS);
  const insert = store.db.prepare(
    `INSERT INTO audit_entries (at, actor, role, action, target, before_json, after_json, detail_json, origin, origin_ref, origin_label)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const toEntry = (r: Row): AuditEntry => ({
    id: r.id,
    at: r.at,
    actor: r.actor,
    role: r.role,
    action: r.action,
    target: r.target,
    before: parse(r.before_json),
    after: parse(r.after_json),
    detail: parse(r.detail_json),
    origin: r.origin === null ? null : { via: r.origin, ref: r.origin_ref, label: r.origin_label },
  });
  return {
    record(actor, input) {
      const at = now().toISOString();
      const target = input.target ?? null;
      const origin = originOf(actor);
      const r = insert.run(
        at,
        actor.name,
        actor.role,
        input.action,
        target,
        json(input.before),
        json(input.after),
        json(input.detail),
        origin.via,
        origin.ref,
        origin.label,
      );
      return {
        id: Number(r.lastInsertRowid),
        at,
        actor: actor.name,
        role: actor.role,
        action: input.action,
        target,
        before: input.before ?? null,
        after: input.after ?? null,
        detail: input.detail ?? null,
        origin,
      };
    },
    get(id) {
      const r = store.db.prepare('SELECT * FROM audit_entries WHERE id = ?').get(id) as Row | undefined;
      return r ? toEntry(r) : null;
    },
    list(f = {}) {
      const where: string[] = [];
      const args: (string | number)[] = [];
      const add = (clause: string, value: string | number | undefined) => {
        if (value === undefined || value === '') return;
        where.push(clause);
        args.push(value);
      };
      add('actor = ?', f.actor);
      if (f.action?.endsWith('.')) add("action LIKE ? ESCAPE '\\'", `${f.action.replace(/[\\%_]/g, '\\$&')}%`);
      else add('action = ?', f.action);
      add('target = ?', f.target);
      add('at >= ?', f.since);
      add('id < ?', f.before);
      const sql = `SELECT * FROM audit_entries ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT ?`;
      args.push(Math.max(1, Math.min(f.limit ?? 100, 1000)));
      return (store.db.prepare(sql).all(...args) as Row[]).map(toEntry);
    },
  };
}
