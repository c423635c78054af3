/**
 * An entity edit in one write transaction with optimistic concurrency: the node is locked first
 * (a throw-away property write takes Neo4j's exclusive node lock), then its `version` is read
 * again and compared with the one the editor saw. Two editors who read version 3 both ask to
 * write: the first commits version 4, the second waits on the lock, then sees 4 ≠ 3 and gets a
 * conflict. Nothing is written on any refusal (the transaction rolls back).
 */
import neo4j, { isDate, isDateTime, isDuration, isLocalDateTime, isLocalTime, isPoint, isTime } from 'neo4j-driver';
import { editValueProblem, isProvenance, READ_ONLY_PROPERTIES, type NodeEditBody } from '../../../shared/api/node-edit';
import { DESCRIPTIVE_KEYS } from '../../../dataset/schema';
import { propertiesToJson, toJson } from '../../db/convert';
import { matchNode } from '../../db/node-ref';
import type { Db } from '../../db/runner';
import { ApiError, badRequest, notFound } from '../../http/errors';
import { noteWrite } from '../../../runtime/store/write-scope';
import { renameBeside, type RewrittenReference } from './references';

export interface EditOutcome {
  id: string;
  key: string | null;
  labels: string[];
  version: number;
  properties: Record<string, unknown>;
  changed: string[];
  before: Record<string, unknown>;
  after: Record<string, unknown>;
  /** A renamed person's or organization's name where articles and claims show it beside its key (references.ts). */
  readableNames: RewrittenReference[];
}

export const LOCK = '_newsgraph_edit_lock';

/** Values an editor may replace: plain ones (dates and points are edited in the data files). */
function plain(v: unknown): boolean {
  if (v === null || v === undefined) return true;
  if (isDate(v) || isDateTime(v) || isLocalDateTime(v) || isLocalTime(v) || isTime(v) || isDuration(v) || isPoint(v))
    return false;
  if (Array.isArray(v)) return v.every((x) => typeof x === 'string');
  return ['string', 'number', 'boolean'].includes(typeof v) || neo4j.isInt(v);
}

/** JSON value → what to store: whole numbers as integers (as the loader writes them), the rest as given. */
function toNeo4j(v: unknown): unknown {
  return typeof v === 'number' && Number.isInteger(v) ? neo4j.int(v) : v;
}

/** Equal as stored (an integer 7 and the number 7 are the same value). */
const same = (a: unknown, b: unknown) => JSON.stringify(toJson(a)) === JSON.stringify(toJson(b));

/**
 * What is edited: an entity's properties (PATCH /api/nodes/{id}), or a claim's status (PUT
 * /api/claims/{id}/status, whose route sends `set: {status}` only, with a reason).
 */
export type EditTarget = 'entity' | 'claim';

/** Why a node with these labels and properties is not one `target` may edit, or null. */
export function notOurs(target: EditTarget, labels: readonly string[], props: Record<string, unknown>): string | null {
  // Only what this app loaded (the seed or an accept marks it with `dataset`): never a node of a database it did not seed.
  if (target === 'claim')
    return labels.includes('Claim') && props.dataset !== undefined
      ? null
      : 'is not a claim this app loaded (a :Claim with a dataset): only such a claim has a status to set';
  return labels.includes('Entity') && props.dataset !== undefined
    ? null
    : 'only entities this app loaded (:Entity with a dataset) can be edited';
}

/**
 * Applies `body.set` to the entity (or claim) at `address` if its version is still `body.version`.
 * Throws 404 (no such node), 400 (not an entity or claim this app loaded, read-only or non-plain
 * property, a reported fact without `source`), 409 (a newer version exists). Cost: three statements in one
 * transaction, plus a renamed person's or organization's articles and claims (references.ts `renameBeside`).
 */
export async function editEntity(
  db: Db,
  address: string,
  body: NodeEditBody,
  by: string,
  target: EditTarget = 'entity',
): Promise<EditOutcome> {
  for (const [k, v] of Object.entries(body.set)) {
    if (READ_ONLY_PROPERTIES.includes(k) || k === LOCK) throw badRequest(`set.${k}`, 'is not editable');
    if (isProvenance(k)) throw badRequest(`set.${k}`, 'is provenance: it is read-only');
    const problem = editValueProblem(k, v);
    if (problem) throw badRequest(`set.${k}`, problem);
  }
  const session = db.driver.session({ database: db.database, defaultAccessMode: neo4j.session.WRITE });
  try {
    const work = session.executeWrite(
      async (tx) => {
        const locked = await tx.run(`${matchNode('n', 'id', address)} SET n.${LOCK} = true RETURN elementId(n) AS id`, {
          id: address,
        });
        if (locked.records.length === 0) throw notFound(`No node ${address}`);
        if (locked.records.length > 1) throw badRequest('id', 'names more than one node; use its element id');
        const id = locked.records[0]!.get('id') as string;
        // Read again under the lock: what another editor committed meanwhile is visible now.
        const cur = await tx.run('MATCH (n) WHERE elementId(n) = $id RETURN labels(n) AS labels, properties(n) AS p', {
          id,
        });
        const labels = cur.records[0]!.get('labels') as string[];
        const props = { ...(cur.records[0]!.get('p') as Record<string, unknown>) };
        delete props[LOCK];
        const refused = notOurs(target, labels, props);
        if (refused) throw badRequest('id', refused);
        const version = props.version === undefined ? 0 : Number(toJson(props.version));
        if (version !== body.version)
          throw new ApiError(
            409,
            'CONFLICT',
            `Someone changed this ${target} since you read it (version ${body.version}; now ${version}${props.edited_by ? `, by ${String(props.edited_by)}` : ''}). Reload it and apply your change again.`,
            { version, properties: propertiesToJson(props) },
          );
        const before: Record<string, unknown> = {};
        const after: Record<string, unknown> = {};
        const changes: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(body.set)) {
          const problem = editValueProblem(k, v, labels);
          if (problem) throw badRequest(`set.${k}`, problem);
          if (!plain(props[k])) throw badRequest(`set.${k}`, 'holds a date, time or point: edit it in the data files');
          if (same(props[k] ?? null, v)) continue;
          // Without a source a changed figure or date would read as the articles' word everywhere.
          // (A claim's status is the editor's judgement, given with a required reason: its source is optional.)
          if (target === 'entity' && !body.source && !DESCRIPTIVE_KEYS.includes(k))
            throw badRequest(
              `set.${k}`,
              `is a fact the articles report: give \`source\` (the article and the quote that says it); only ${DESCRIPTIVE_KEYS.join(', ')} can be edited without one`,
            );
          before[k] = toJson(props[k] ?? null);
          after[k] = v;
          changes[k] = toNeo4j(v);
        }
        // A claim's note explains its status: once the status changes, the editor's reason does, and
        // the old note (which explained the old status) goes to the audit with it.
        if (target === 'claim' && 'status' in changes && body.reason) {
          before.status_note = toJson(props.status_note ?? null);
          after.status_note = body.reason;
          changes.status_note = body.reason;
        }
        const next = Object.keys(changes).length ? version + 1 : version;
        const res = await tx.run(
          `MATCH (n) WHERE elementId(n) = $id
           SET n += $changes
           SET n.version = CASE WHEN $bump THEN $next ELSE n.version END,
               n.edited_by = CASE WHEN $bump THEN $by ELSE n.edited_by END,
               n.edited_at = CASE WHEN $bump THEN datetime() ELSE n.edited_at END
           REMOVE n.${LOCK}
           RETURN properties(n) AS p`,
          { id, changes, bump: next !== version, next: neo4j.int(next), by },
        );
        // A new name shows where the dataset names this entity by key (an article's outlet and
        // authors, a claim's caption), in this transaction: the audit entry lists them.
        const key = typeof props.id === 'string' ? props.id : null;
        const nameOr = (v: unknown) => (typeof v === 'string' && v ? v : key!);
        const readableNames =
          'name' in changes && key !== null && target === 'entity'
            ? await renameBeside(tx, labels, props.dataset, key, { from: nameOr(props.name), to: nameOr(changes.name) })
            : [];
        return {
          id,
          key,
          labels,
          version: next,
          properties: propertiesToJson(res.records[0]!.get('p') as Record<string, unknown>),
          changed: Object.keys(changes),
          before,
          after,
          readableNames,
        };
      },
      { timeout: 10_000, metadata: { app: 'newsgraph', what: 'entity edit' } },
    );
    const out = await (db.availability ? db.availability.guard(work) : work);
    if (out.changed.length) noteWrite(); // committed: the audit entry after it may still find the store busy
    return out;
  } finally {
    await session.close().catch(() => {});
  }
}
