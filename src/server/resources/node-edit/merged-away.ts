/**
 * A read of a node that is gone because it was merged into another: the 404 names the survivor
 * (`error.mergedInto`), so a stale link, saved view or history step can offer it instead.
 */
import { toJson } from '../../db/convert';
import { matchNode } from '../../db/node-ref';
import { readQuery, type Db } from '../../db/runner';
import { ApiError } from '../../http/errors';
import type { MergedInto } from '../../../shared/api/common';
import { followMerges, type MergeMap } from './merge-map';

interface Found {
  id: string;
  key: string | null;
  name: string | null;
}

async function findNode(db: Db, address: string): Promise<Found | null> {
  const r = await readQuery(
    db,
    `${matchNode('n', 'address', address)} RETURN elementId(n) AS id, n.id AS key, n.name AS name LIMIT 1`,
    { address },
  );
  const rec = r.records[0];
  if (!rec) return null;
  const text = (v: unknown) => (v === null || v === undefined ? null : String(toJson(v)));
  return { id: rec.get('id') as string, key: text(rec.get('key')), name: text(rec.get('name')) };
}

/** Where the node at `address` went, when it was merged away and its survivor is in the graph; else null. */
export async function mergedInto(db: Db, map: MergeMap, address: string): Promise<MergedInto | null> {
  const hit = await followMerges(map, address, (a) => findNode(db, a));
  if (!hit) return null;
  const { node, first } = hit;
  return {
    id: node.id,
    key: node.key,
    name: node.name,
    duplicate: first.duplicate.name,
    at: first.at,
    by: first.by,
  };
}

/** The 404 for a merged-away node: its message says where it went, `mergedInto` names the survivor. */
export function mergedAwayError(address: string, to: MergedInto): ApiError {
  const was = to.duplicate ? `"${to.duplicate}"` : `Node ${address}`;
  const into = to.name ? `"${to.name}"` : 'another entity';
  return new ApiError(
    404,
    'NOT_FOUND',
    `${was} was merged into ${into} (${to.key ?? to.id}) by ${to.by} on ${to.at.slice(0, 10)}: open that one instead.`,
    { mergedInto: to },
  );
}

/**
 * Runs a read of the node at `address`; a 404 it throws becomes the merged-away one when the
 * address names a duplicate merged into a survivor (only then: the map is read after the graph).
 */
export async function orMergedAway<T>(db: Db, map: MergeMap, address: string, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (e) {
    if (!(e instanceof ApiError) || e.status !== 404) throw e;
    const to = await mergedInto(db, map, address);
    throw to ? mergedAwayError(address, to) : e;
  }
}
