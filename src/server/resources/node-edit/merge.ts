/**
 * Two entities that are one (two spellings from two articles) merged into the survivor, in one
 * write transaction with the same locking and version check as an edit (query.ts): both nodes are
 * locked, read again, checked, then the duplicate's relationships are recreated on the survivor,
 * the duplicate is deleted and the dataset's properties that named it by key name the survivor
 * (references.ts). Nothing is written on any refusal (the transaction rolls back).
 */
import neo4j, { type ManagedTransaction } from 'neo4j-driver';
import type { NodeMergeBody } from '../../../shared/api/node-merge';
import type { GraphPayload } from '../../../shared/graph';
import { propertiesToJson, toJson } from '../../db/convert';
import { matchNode } from '../../db/node-ref';
import type { Db } from '../../db/runner';
import { ApiError, badRequest, notFound } from '../../http/errors';
import { noteWrite } from '../../../runtime/store/write-scope';
import { LOCK, notOurs } from './query';
import { drawnPayload } from './drawn';
import { rewriteReferences, rewrittenNodes, rewrittenRelationships, type RewrittenReference } from './references';
import { articlesOfOutlet, recountOutlets } from './recount';
import { REWRITTEN_RELATIONSHIPS_MAX } from '../../../shared/api/merge-caps';

/** One relationship of the duplicate as the audit keeps it: enough to recreate it by hand. */
export interface MovedRelationship {
  type: string;
  /** 'out': duplicate → other; 'in': other → duplicate. */
  direction: 'out' | 'in';
  other: { id: string; key: unknown; labels: string[] };
  properties: Record<string, unknown>;
  /** False for one between the two (or a loop on the duplicate): it would become a loop, so it is dropped. */
  moved: boolean;
}

/** The duplicate as the merge's audit entry keeps it: what an undo recreates. */
export interface MergedDuplicate {
  id: string;
  key: string | null;
  labels: string[];
  properties: Record<string, unknown>;
  relationships: MovedRelationship[];
  /**
   * The properties elsewhere in the dataset that named the duplicate by its key and now name the
   * survivor's (references.ts): what an undo puts back. Absent in entries written before it was kept.
   */
  references?: RewrittenReference[];
}

export interface MergeOutcome {
  id: string;
  key: string | null;
  labels: string[];
  version: number;
  properties: Record<string, unknown>;
  aliasesBefore: string[];
  aliasesAdded: string[];
  duplicate: MergedDuplicate;
  moved: number;
  dropped: number;
  /** How many key references (`according_to`, `casualties_reported_by`…) now name the survivor. */
  referencesRewritten: number;
  /** The other nodes those references are on (element ids), for the explorer to read again. */
  rewritten: string[];
  /**
   * The relationships whose `according_to` it rewrote, then those whose corroboration counts it
   * changed (element ids, capped), for the explorer to read again.
   */
  rewrittenRelationships: string[];
  /** How many relationships' corroboration counts (`outlets`, `unnamed_outlets`) changed (recount.ts). */
  recounted: number;
  /** Some moved relationships with their ends, to draw (drawn.ts). */
  movedGraph: GraphPayload;
}

const versionOf = (p: Record<string, unknown>) => (p.version === undefined ? 0 : Number(toJson(p.version)));
const texts = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/** The survivor's aliases plus the duplicate's name and aliases, once each (case and spacing ignored), never its own name. */
export function mergedAliases(survivor: Record<string, unknown>, duplicate: Record<string, unknown>): string[] {
  const norm = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase();
  const seen = new Set<string>(typeof survivor.name === 'string' ? [norm(survivor.name)] : []);
  const out: string[] = [];
  for (const a of [
    ...texts(survivor.aliases),
    ...(typeof duplicate.name === 'string' ? [duplicate.name] : []),
    ...texts(duplicate.aliases),
  ]) {
    const k = norm(a);
    if (!k || seen.has(k)) continue;
    seen.add(k);
    out.push(a.trim());
  }
  return out;
}

/** Locks the node at `address` (a throw-away write takes Neo4j's exclusive lock) and returns its elementId. */
export async function lock(tx: ManagedTransaction, address: string, field: string, what: string) {
  const r = await tx.run(`${matchNode('n', 'id', address)} SET n.${LOCK} = true RETURN elementId(n) AS id`, {
    id: address,
  });
  if (r.records.length === 0) throw notFound(`No node ${address} (${what})`);
  if (r.records.length > 1) throw badRequest(field, 'names more than one node; use its element id');
  return r.records[0]!.get('id') as string;
}

/**
 * Merges the entity `body.duplicate` into the one at `address`. Throws 404 (either missing), 400
 * (itself, not an entity this app loaded, other labels or dataset), 409 (either has a newer
 * version). Cost: O(relationships of the duplicate), plus the scan that rewrites the dataset's
 * references to the duplicate's key (references.ts `rewriteReferences`), in one transaction.
 */
export async function mergeEntities(db: Db, address: string, body: NodeMergeBody, by: string): Promise<MergeOutcome> {
  if (body.duplicate === address) throw badRequest('body.duplicate', 'is this entity itself: pick another one');
  const session = db.driver.session({ database: db.database, defaultAccessMode: neo4j.session.WRITE });
  try {
    const work = session.executeWrite(
      async (tx) => {
        const sid = await lock(tx, address, 'id', 'to merge into');
        if (body.duplicate === sid) throw badRequest('body.duplicate', 'is this entity itself: pick another one');
        const did = await lock(tx, body.duplicate, 'body.duplicate', 'given as the duplicate');
        if (did === sid) throw badRequest('body.duplicate', 'is this entity itself: pick another one');
        // Read both again under the locks: what another editor committed meanwhile is visible now.
        const cur = await tx.run(
          `MATCH (n) WHERE elementId(n) IN [$sid, $did]
           RETURN elementId(n) AS id, labels(n) AS labels, properties(n) AS p`,
          { sid, did },
        );
        const read = (id: string) => {
          const rec = cur.records.find((r) => r.get('id') === id)!;
          const p = { ...(rec.get('p') as Record<string, unknown>) };
          delete p[LOCK];
          return { labels: rec.get('labels') as string[], props: p };
        };
        const s = read(sid);
        const d = read(did);
        const refusedS = notOurs('entity', s.labels, s.props);
        if (refusedS) throw badRequest('id', refusedS.replace('can be edited', 'can be merged'));
        const refusedD = notOurs('entity', d.labels, d.props);
        if (refusedD) throw badRequest('body.duplicate', refusedD.replace('can be edited', 'can be merged'));
        const kinds = (l: string[]) =>
          [...l]
            .filter((x) => x !== 'Entity')
            .sort()
            .join(':');
        if (kinds(s.labels) !== kinds(d.labels))
          throw badRequest(
            'body.duplicate',
            `is a ${kinds(d.labels) || 'bare entity'} and this a ${kinds(s.labels) || 'bare entity'}: only entities of the same kind merge`,
          );
        if (!same(s.props.dataset, d.props.dataset))
          throw badRequest(
            'body.duplicate',
            'belongs to another dataset: a reload of one would undo half of the merge',
          );
        for (const [which, node, want] of [
          ['this entity', s, body.version],
          ['the duplicate', d, body.duplicateVersion],
        ] as const) {
          const version = versionOf(node.props);
          if (version !== want)
            throw new ApiError(
              409,
              'CONFLICT',
              `Someone changed ${which} since you read it (version ${want}; now ${version}${node.props.edited_by ? `, by ${String(node.props.edited_by)}` : ''}). Reload it and merge again.`,
              {
                of: which === 'this entity' ? 'survivor' : 'duplicate',
                version,
                properties: propertiesToJson(node.props),
              },
            );
        }
        // What the duplicate is linked to, read before anything moves: the audit keeps it whole.
        const rels = await tx.run(
          `MATCH (d) WHERE elementId(d) = $did
           MATCH (d)-[r]-(o)
           WITH DISTINCT r, o, startNode(r) = d AS out
           RETURN type(r) AS type, out, elementId(o) AS other, o.id AS key, labels(o) AS labels,
                  properties(r) AS p, elementId(o) IN [$did, $sid] AS loop
           ORDER BY type, other`,
          { did, sid },
        );
        const relationships: MovedRelationship[] = rels.records.map((r) => ({
          type: r.get('type') as string,
          direction: r.get('out') ? 'out' : 'in',
          other: { id: r.get('other') as string, key: toJson(r.get('key')), labels: r.get('labels') as string[] },
          properties: propertiesToJson(r.get('p') as Record<string, unknown>),
          moved: !r.get('loop'),
        }));
        const aliases = mergedAliases(s.props, d.props);
        const before = texts(s.props.aliases);
        const next = versionOf(s.props) + 1;
        // Recreated in Cypher from the stored relationships (not from the JSON above), so every
        // property keeps its type: dates, points and integers of the provenance stay as they were.
        const res = await tx.run(
          `MATCH (s) WHERE elementId(s) = $sid
           MATCH (d) WHERE elementId(d) = $did
           CALL (s, d) {
             MATCH (d)-[r]->(o) WHERE o <> d AND o <> s
             CREATE (s)-[c:$(type(r))]->(o) SET c = properties(r)
             RETURN count(c) AS outs, collect(elementId(c)) AS outIds
           }
           CALL (s, d) {
             MATCH (o)-[r]->(d) WHERE o <> d AND o <> s
             CREATE (o)-[c:$(type(r))]->(s) SET c = properties(r)
             RETURN count(c) AS ins, collect(elementId(c)) AS inIds
           }
           DETACH DELETE d
           SET s.aliases = $aliases, s.version = $next, s.edited_by = $by, s.edited_at = datetime()
           REMOVE s.${LOCK}
           RETURN outs + ins AS moved, outIds + inIds AS ids, properties(s) AS p`,
          { sid, did, aliases, next: neo4j.int(next), by },
        );
        const moved = Number(res.records[0]!.get('moved'));
        const expected = relationships.filter((r) => r.moved).length;
        // The read and the write saw the same relationships (both under the duplicate's lock).
        if (moved !== expected) throw new Error(`merge moved ${moved} relationships, expected ${expected}`);
        // Keys naming the duplicate (a source's `according_to`, an event's `casualties_reported_by`…)
        // now name the survivor, the moved copies' too: in this transaction, so all or nothing.
        const dKey = typeof d.props.id === 'string' ? d.props.id : null;
        const sKey = typeof s.props.id === 'string' ? s.props.id : null;
        // The readable names beside them (an article's outlet and authors, a claim's caption) follow,
        // by the loader's rule: an entity's name, else its key.
        const nameOf = (p: Record<string, unknown>, key: string) => (typeof p.name === 'string' ? p.name : key);
        const references =
          dKey !== null && sKey !== null
            ? await rewriteReferences(tx, s.labels, s.props.dataset, dKey, sKey, {
                from: nameOf(d.props, dKey),
                to: nameOf(s.props, sKey),
              })
            : [];
        // Articles now published by another organization (a placeholder's by the real outlet):
        // the corroboration counts of what they are evidence for follow (the moved copies' too).
        const recounted = await recountOutlets(tx, s.props.dataset, articlesOfOutlet(references));
        // The survivor itself may have named the duplicate: then its properties are read again.
        const sProps = references.some((x) => x.on === 'node' && x.id === sid)
          ? ((await tx.run('MATCH (s) WHERE elementId(s) = $sid RETURN properties(s) AS p', { sid })).records[0]!.get(
              'p',
            ) as Record<string, unknown>)
          : (res.records[0]!.get('p') as Record<string, unknown>);
        const movedGraph = await drawnPayload(tx, sid, res.records[0]!.get('ids') as string[]);
        const dProps = propertiesToJson(d.props);
        return {
          id: sid,
          key: sKey,
          labels: s.labels,
          version: next,
          properties: propertiesToJson(sProps),
          aliasesBefore: before,
          aliasesAdded: aliases.filter((a) => !before.includes(a)),
          duplicate: {
            id: did,
            key: dKey,
            labels: d.labels,
            properties: dProps,
            relationships,
            references,
          },
          moved,
          dropped: relationships.length - moved,
          referencesRewritten: references.length,
          rewritten: rewrittenNodes(references, sid),
          rewrittenRelationships: [...new Set([...rewrittenRelationships(references), ...recounted])].slice(
            0,
            REWRITTEN_RELATIONSHIPS_MAX,
          ),
          recounted: recounted.length,
          movedGraph,
        };
      },
      { timeout: 30_000, metadata: { app: 'newsgraph', what: 'entity merge' } },
    );
    const out = await (db.availability ? db.availability.guard(work) : work);
    noteWrite(); // committed: the audit entry after it may still find the store busy
    return out;
  } finally {
    await session.close().catch(() => {});
  }
}

const same = (a: unknown, b: unknown) => JSON.stringify(toJson(a)) === JSON.stringify(toJson(b));
