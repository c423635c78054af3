/**
 * A merge undone from its `node.merge` audit entry, all or nothing, in one write transaction with
 * the survivor locked (as merge.ts): it is read again, checked, then the duplicate is recreated,
 * the relationships the merge moved are moved back, the dropped ones recreated and the key
 * references it rewrote put back (references.ts). Any refusal throws before the commit, so nothing
 * is written.
 *
 * From JSON back to Neo4j (the audit keeps the duplicate's properties and the dropped
 * relationships' as JSON): a whole number becomes an integer (a float such as 1.0 written by hand
 * comes back as 1), an array keeps its elements' rule, the known datetime properties
 * (KNOWN_DATETIMES) become datetimes when they parse as ISO strings, a {lat, lon} or {x, y, srid}
 * map becomes a point; everything else stays as JSON gave it. The moved relationships are not
 * rebuilt from JSON: they are copied in Cypher from the survivor's, so their types survive.
 */
import neo4j, { type ManagedTransaction } from 'neo4j-driver';
import type { NodeUnmergeBody } from '../../../shared/api/node-unmerge';
import type { GraphPayload } from '../../../shared/graph';
import { propertiesToJson, toJson } from '../../db/convert';
import type { Db } from '../../db/runner';
import { ApiError, badRequest } from '../../http/errors';
import { noteWrite } from '../../../runtime/store/write-scope';
import { LOCK } from './query';
import { lock, type MergedDuplicate } from './merge';
import { drawnPayload } from './drawn';
import { restoreReferences } from './references';
import { articlesOfOutlet, COUNT_KEYS, recountOutlets } from './recount';
import { REWRITTEN_RELATIONSHIPS_MAX } from '../../../shared/api/merge-caps';

/** Properties this app writes as datetimes (node and relationship), restored as datetimes. */
export const KNOWN_DATETIMES = ['edited_at', 'accepted_at', 'started'] as const;
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)?(\[[^\]]+\])?$/;

/** What the undo needs of a `node.merge` entry (as route.ts writes it). */
export interface MergeEntry {
  id: number;
  survivorId: string;
  /** The survivor's key when it had one: an undone later merge recreates it under a new element id. */
  survivorKey: string | null;
  afterVersion: number;
  aliasesBefore: string[];
  duplicate: MergedDuplicate;
}

export interface UnmergeOutcome {
  id: string;
  key: string | null;
  version: number;
  properties: Record<string, unknown>;
  aliasesBefore: unknown;
  duplicate: { id: string; key: string | null };
  movedBack: number;
  recreated: number;
  /** Key references put back to the duplicate's key (references.ts). */
  referencesRestored: number;
  /** The other nodes whose references the undo put back (element ids), for the explorer to read again. */
  rewritten: string[];
  /** The relationships whose `according_to` the undo put back, then those it counted again (element ids, capped). */
  rewrittenRelationships: string[];
  /** How many relationships' corroboration counts changed back (recount.ts). */
  recounted: number;
  /** The survivor's relationships that moved back (deleted there). */
  removed: string[];
  /** The duplicate with some of its relationships and their ends, to draw (drawn.ts). */
  restored: GraphPayload;
}

/** One JSON value back to a Neo4j value (the rule above, without the datetimes). */
function fromJson(v: unknown): unknown {
  if (typeof v === 'number') return Number.isInteger(v) ? neo4j.int(v) : v;
  if (Array.isArray(v)) return v.map(fromJson);
  if (v && typeof v === 'object') {
    const o = v as Record<string, number | undefined>;
    if (typeof o.lat === 'number' && typeof o.lon === 'number')
      return o.height === undefined || o.height === null
        ? new neo4j.types.Point(4326, o.lon, o.lat)
        : new neo4j.types.Point(4979, o.lon, o.lat, o.height);
    if (typeof o.x === 'number' && typeof o.y === 'number' && typeof o.srid === 'number')
      return new neo4j.types.Point(o.srid, o.x, o.y, o.z);
  }
  return v;
}

/** Properties for Cypher, and the names of those Cypher turns into datetimes (`datetime(value)`). */
export function propertiesFromJson(p: Record<string, unknown>): { props: Record<string, unknown>; dates: string[] } {
  const props: Record<string, unknown> = {};
  const dates: string[] = [];
  for (const [k, v] of Object.entries(p)) {
    props[k] = fromJson(v);
    if ((KNOWN_DATETIMES as readonly string[]).includes(k) && typeof v === 'string' && ISO.test(v)) dates.push(k);
  }
  return { props, dates };
}

/** Cypher turning the listed known datetime properties of `x` from strings into datetimes. */
const datesOf = (x: string, dates: string) =>
  KNOWN_DATETIMES.map(
    (k) => `${x}.${k} = CASE WHEN '${k}' IN ${dates} THEN datetime(${x}.${k}) ELSE ${x}.${k} END`,
  ).join(', ');

/** JSON with sorted keys: two property maps compare equal whatever their order. */
const canonical = (v: unknown): string =>
  JSON.stringify(v, (_k, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x)
      ? Object.fromEntries(Object.entries(x as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : x,
  );

/**
 * A moved relationship's properties without its corroboration counts: the merge counted them
 * again (recount.ts), and the undo counts them again once moved back, so they are not a change.
 */
const uncounted = (p: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(p).filter(([k]) => !(COUNT_KEYS as readonly string[]).includes(k)));

const conflict = (message: string, extra: Record<string, unknown> = {}) =>
  new ApiError(409, 'CONFLICT', message, extra);

/**
 * Undoes `entry` on the survivor at `address`. Throws 404 (no survivor), 400 (the entry is not a
 * merge into it), 409 (changed since, the duplicate's key taken, a moved relationship changed or
 * gone). Cost: O(relationships of the survivor), in one transaction.
 */
export async function unmergeEntities(
  db: Db,
  address: string,
  entry: MergeEntry,
  body: NodeUnmergeBody,
  by: string,
): Promise<UnmergeOutcome> {
  const session = db.driver.session({ database: db.database, defaultAccessMode: neo4j.session.WRITE });
  try {
    const work = session.executeWrite((tx) => undo(tx, address, entry, body, by), {
      timeout: 30_000,
      metadata: { app: 'newsgraph', what: 'entity unmerge' },
    });
    const out = await (db.availability ? db.availability.guard(work) : work);
    noteWrite();
    return out;
  } finally {
    await session.close().catch(() => {});
  }
}

async function undo(
  tx: ManagedTransaction,
  address: string,
  entry: MergeEntry,
  body: NodeUnmergeBody,
  by: string,
): Promise<UnmergeOutcome> {
  const sid = await lock(tx, address, 'id', 'to undo a merge into');
  const cur = await tx.run('MATCH (s) WHERE elementId(s) = $sid RETURN properties(s) AS p', { sid });
  const s = { ...(cur.records[0]!.get('p') as Record<string, unknown>) };
  delete s[LOCK];
  const itself = sid === entry.survivorId || (entry.survivorKey !== null && s.id === entry.survivorKey);
  if (!itself) throw badRequest('body.merge', `is audit entry ${entry.id}, a merge into another entity`);
  const version = s.version === undefined ? 0 : Number(toJson(s.version));
  const who = s.edited_by ? `, by ${String(s.edited_by)}` : '';
  if (version !== body.version)
    throw conflict(
      `Someone changed this entity since you read it (version ${body.version}; now ${version}${who}). Reload it.`,
      { of: 'survivor', version, properties: propertiesToJson(s) },
    );
  if (version !== entry.afterVersion)
    throw conflict(
      `This entity was changed since the merge (version ${entry.afterVersion} then; now ${version}${who}): undoing it would lose that change.`,
      { of: 'survivor', version, properties: propertiesToJson(s) },
    );
  const dup = entry.duplicate;
  if (dup.key !== null) {
    // Merges join entities only, and entity keys are unique under :Entity: one index seek.
    const taken = await tx.run('MATCH (n:Entity) WHERE n.id = $key RETURN elementId(n) AS id LIMIT 1', {
      key: dup.key,
    });
    if (taken.records.length) throw conflict(`A node with the duplicate's key "${dup.key}" exists again.`);
  }
  // The key references the merge rewrote name the duplicate again first, so the moved copies that
  // named it match what the audit kept of them below (references.ts: a changed one stays as it is).
  const sKey = typeof s.id === 'string' ? s.id : null;
  const restoredRefs =
    dup.key !== null && sKey !== null
      ? await restoreReferences(tx, dup.references ?? [], sKey, dup.key)
      : { restored: 0, nodes: [], relationships: [] };
  // Each moved relationship must still be on the survivor exactly as it was moved: one per entry.
  // Only the survivor's relationships of the moved types to the moved ones' other ends: a hub
  // survivor's other relationships are not read.
  const movedRels = dup.relationships.filter((x) => x.moved);
  const rels = await tx.run(
    `MATCH (s)-[r]-(o) WHERE elementId(s) = $sid AND o <> s AND type(r) IN $types
       AND (o.id IN $keys OR elementId(o) IN $ids)
     RETURN elementId(r) AS rid, type(r) AS type, startNode(r) = s AS out, elementId(o) AS other, o.id AS key,
            properties(r) AS p`,
    {
      sid,
      types: [...new Set(movedRels.map((m) => m.type))],
      keys: movedRels.map((m) => m.other.key).filter((k) => k !== null && k !== undefined),
      ids: movedRels.map((m) => m.other.id),
    },
  );
  const onSurvivor = rels.records.map((r) => ({
    rid: r.get('rid') as string,
    sig: canonical([
      r.get('type'),
      r.get('out') ? 'out' : 'in',
      // The other end by its key when it has one (it may have come back under a new element id).
      toJson(r.get('key')) ?? r.get('other'),
      uncounted(propertiesToJson(r.get('p') as Record<string, unknown>)),
    ]),
  }));
  const used = new Set<string>();
  const moves: { rid: string; out: boolean }[] = [];
  for (const m of movedRels) {
    const sig = canonical([m.type, m.direction, m.other.key ?? m.other.id, uncounted(m.properties)]);
    const hit = onSurvivor.find((x) => x.sig === sig && !used.has(x.rid));
    if (!hit)
      throw conflict(
        `The ${m.type} relationship the merge moved here (${m.direction === 'out' ? 'to' : 'from'} ${String(m.other.key ?? m.other.id)}) was changed or removed since: undo that first.`,
      );
    used.add(hit.rid);
    moves.push({ rid: hit.rid, out: m.direction === 'out' });
  }
  const { props, dates } = propertiesFromJson(dup.properties);
  const created = await tx.run(
    `CREATE (d) SET d:$($labels), d = $props
     SET ${datesOf('d', '$dates')}
     RETURN elementId(d) AS id`,
    { labels: dup.labels, props, dates },
  );
  const did = created.records[0]!.get('id') as string;
  // Moved back by copying the survivor's relationship in Cypher (its property types kept), then deleting it.
  const back = await tx.run(
    `MATCH (d) WHERE elementId(d) = $did
     UNWIND $moves AS m
     MATCH (s)-[r]-(o) WHERE elementId(r) = m.rid AND elementId(s) = $sid AND o <> s
     CALL (d, r, o, m) {
       WITH * WHERE m.out
       CREATE (d)-[c:$(type(r))]->(o) SET c = properties(r)
       RETURN c
     UNION
       WITH * WHERE NOT m.out
       CREATE (o)-[c:$(type(r))]->(d) SET c = properties(r)
       RETURN c
     }
     DELETE r
     RETURN count(c) AS n, collect(elementId(c)) AS ids`,
    { did, sid, moves },
  );
  const movedBack = Number(back.records[0]!.get('n'));
  if (movedBack !== moves.length)
    throw new Error(`unmerge moved back ${movedBack} relationships, expected ${moves.length}`);
  // The dropped ones (between the two, or loops on the duplicate) come back from the audit's JSON.
  const dropped = dup.relationships
    .filter((x) => !x.moved)
    .map((x) => {
      const p = propertiesFromJson(x.properties);
      return { type: x.type, out: x.direction === 'out', loop: x.other.id === dup.id, props: p.props, dates: p.dates };
    });
  const again = await tx.run(
    `MATCH (d) WHERE elementId(d) = $did
     MATCH (s) WHERE elementId(s) = $sid
     UNWIND $dropped AS x
     WITH d, x, CASE WHEN x.loop THEN d ELSE s END AS o
     CALL (d, o, x) {
       WITH * WHERE x.out
       CREATE (d)-[c:$(x.type)]->(o) SET c = x.props
       RETURN c
     UNION
       WITH * WHERE NOT x.out
       CREATE (o)-[c:$(x.type)]->(d) SET c = x.props
       RETURN c
     }
     SET ${datesOf('c', 'x.dates')}
     RETURN count(c) AS n, collect(elementId(c)) AS ids`,
    { did, sid, dropped },
  );
  const recreated = dropped.length ? Number(again.records[0]!.get('n')) : 0;
  // The articles published by the duplicate again: their relationships' corroboration counts follow.
  const recounted = await recountOutlets(tx, s.dataset, articlesOfOutlet(dup.references ?? []));
  const backIds = back.records[0]!.get('ids') as string[];
  const againIds = dropped.length ? (again.records[0]!.get('ids') as string[]) : [];
  const next = version + 1;
  const res = await tx.run(
    `MATCH (s) WHERE elementId(s) = $sid
     SET s.aliases = $aliases, s.version = $next, s.edited_by = $by, s.edited_at = datetime()
     REMOVE s.${LOCK}
     RETURN properties(s) AS p`,
    { sid, aliases: entry.aliasesBefore, next: neo4j.int(next), by },
  );
  // Read once the survivor is unlocked and has its aliases back: the explorer shows these copies.
  const restored = await drawnPayload(tx, did, [...backIds, ...againIds]);
  return {
    id: sid,
    key: typeof s.id === 'string' ? s.id : null,
    version: next,
    properties: propertiesToJson(res.records[0]!.get('p') as Record<string, unknown>),
    aliasesBefore: toJson(s.aliases) ?? [],
    duplicate: { id: did, key: dup.key },
    movedBack,
    recreated,
    referencesRestored: restoredRefs.restored,
    rewritten: restoredRefs.nodes.filter((id) => id !== sid),
    rewrittenRelationships: [...new Set([...restoredRefs.relationships, ...recounted])].slice(
      0,
      REWRITTEN_RELATIONSHIPS_MAX,
    ),
    recounted: recounted.length,
    removed: moves.map((m) => m.rid),
    restored,
  };
}
