/**
 * Properties that name an entity by its key (`id`) rather than by a relationship: a merge rewrites
 * those naming the duplicate to the survivor's key, in its own transaction, and records each one
 * (element id, property, list position) in its audit entry so that an undo puts exactly those back.
 * Saved queries join on them (`OPTIONAL MATCH (src:Entity {id: att.according_to})`): left on the
 * deleted duplicate, those answers would lose their source. The readable names kept beside some of
 * them (an article's outlet and authors, a claim's caption) follow the merge, and a rename (query.ts).
 *
 * Only nodes and relationships of the merged entities' dataset are read or written (a relationship
 * when both its ends are ours and in it): never data the app did not load, nor another dataset.
 */
import neo4j, { type ManagedTransaction } from 'neo4j-driver';
import { toJson } from '../../db/convert';
import { REWRITTEN_RELATIONSHIPS_MAX } from '../../../shared/api/merge-caps';

/**
 * The node properties holding an entity key (seed/README.md, the loader's rows.ts, ingest's
 * accepts): where they live and which kind of entity they can name (read.ts validates that), so a
 * merge of weapons does not scan articles for authors. `beside` is the readable name the loader
 * and ingest keep next to the key (what the explorer shows and search finds): an article's `outlet`
 * and `authors` (parallel to `author_ids`) hold the entity's name, a claim's caption `name` starts
 * with it ("name: gist").
 */
const NODE_KEYS = [
  { label: 'Event', property: 'casualties_reported_by', names: null, list: false, beside: null },
  { label: 'Claim', property: 'claimant', names: ['Person', 'Organization'], list: false, beside: 'name' },
  { label: 'Article', property: 'outlet_id', names: ['Organization'], list: false, beside: 'outlet' },
  { label: 'Article', property: 'author_ids', names: ['Person'], list: true, beside: 'authors' },
  { label: 'Entity', property: 'country', names: ['Place'], list: false, beside: null },
] as const;

/** A claim's caption is "claimant's name: gist" (rows.ts, ingest's apply.ts). */
const CAPTION = 'name';

/** The relationship property holding an entity key: "the link rests on that party's statement". */
const REL_KEY = 'according_to';

/**
 * Relationship types the loader makes itself from claims and mentions (rows.ts): they never carry
 * `according_to` (relationships.yaml may not use them), and MENTIONS is most of a large graph.
 */
const LOADER_TYPES = ['MENTIONS', 'MADE', 'ABOUT', 'REPORTS', 'CONTRADICTS'];

/** One property the merge rewrote: what its audit entry keeps for the undo. */
export interface RewrittenReference {
  on: 'node' | 'relationship';
  /** The element id of the node or relationship (a moved relationship's copy on the survivor). */
  id: string;
  /** A node's own key, or a relationship's type: checked with the element id (Neo4j reuses those). */
  key: string | null;
  property: string;
  /** For a list property (an article's `author_ids`), the positions rewritten. */
  at?: number[];
  /**
   * The readable name beside the key the merge set to the survivor's too, with what it held
   * before: a scalar's whole value (an outlet, a caption), or for a list the values at `at`
   * (those positions of `authors` the merge wrote). Absent when there was none to set.
   */
  beside?: { property: string; before: string; after: string } | NamesBeside;
}

/** `authors[i]` for i in `at`: each was `before[j]` (at `at[j]`) and is now `after`. */
interface NamesBeside {
  property: string;
  at: number[];
  before: string[];
  after: string;
}

/** The element ids of the nodes among `refs` other than `except`, each once: what a client reads again. */
export const rewrittenNodes = (refs: readonly Pick<RewrittenReference, 'on' | 'id'>[], except?: string) => [
  ...new Set(refs.filter((x) => x.on === 'node' && x.id !== except).map((x) => x.id)),
];

/**
 * The element ids of the relationships among `refs`, each once, up to REWRITTEN_RELATIONSHIPS_MAX:
 * what a client showing them reads again (the audit entry keeps them all).
 */
export const rewrittenRelationships = (refs: readonly Pick<RewrittenReference, 'on' | 'id'>[]) =>
  [...new Set(refs.filter((x) => x.on === 'relationship').map((x) => x.id))].slice(0, REWRITTEN_RELATIONSHIPS_MAX);

/** The entities' readable names, as the loader falls back to the key when one has none. */
export interface MergedNames {
  from: string;
  to: string;
}

const quoted = (name: string) => `\`${name.replace(/`/g, '``')}\``;
const OURS = 'Entity|Article|Claim';

/** One statement's rows as plain objects: every read and write here runs and collects this way. */
async function rows(tx: ManagedTransaction, query: string, params: Record<string, unknown> = {}) {
  return (await tx.run(query, params)).records.map((r) => r.toObject() as Record<string, unknown>);
}

/** One statement's count column `c` (0 when it returns no row). */
const count = async (tx: ManagedTransaction, query: string, params: Record<string, unknown>) =>
  Number(toJson((await rows(tx, query, params))[0]?.c ?? 0));

/**
 * Rewrites every reference to `from` into `to` within `dataset`, after the merge moved the
 * duplicate's relationships (so copies that named it are rewritten too), and returns what it wrote.
 * The readable names beside those keys (NODE_KEYS `beside`) become the survivor's name `names.to`
 * in the same statement: an article's `outlet` and its `authors` at the rewritten positions
 * whatever they held (they are the named entity's name, as loaded), a claim's caption only when it
 * starts with the duplicate's name and ': ' (the caption the loader and ingest write). A caption in
 * any other shape was written by hand: it is left alone.
 *
 * Cost: a scan, not a seek (no index holds these properties): the nodes of each label that can
 * name an entity of these `labels` (Event always; Claim and Article for people and organizations;
 * every Entity for places), and every relationship of the types in the database other than the
 * loader's claim and mention types (one type scan each, then a property filter). Measured on the
 * generated 1M-relationship graph (bench/: 360k relationships of 28 scanned types, 160k nodes; a
 * shared 2-core machine), rolled back: 0.25–0.75 s warm (relationships 0.2–0.55 s, nodes tens of
 * ms, up to 0.3 s for an organization's articles and claims), ~2 s on a cold page cache, whether 0
 * or 6,305 references are rewritten.
 */
export async function rewriteReferences(
  tx: ManagedTransaction,
  labels: readonly string[],
  dataset: unknown,
  from: string,
  to: string,
  names: MergedNames,
): Promise<RewrittenReference[]> {
  const out = await rewriteNodeKeys(tx, labels, dataset, from, to, names);
  // The types are named in the statement, one type scan each: given `r:A|B|…` the planner scans
  // every node and expands it (twice as slow at 1M). Listing them is a token read, not a data read.
  const types = (await rows(tx, 'CALL db.relationshipTypes() YIELD relationshipType AS t RETURN t'))
    .map((r) => r.t as string)
    .filter((t) => !LOADER_TYPES.includes(t));
  if (types.length) {
    const scans = types
      .map((t) => `MATCH ()-[r:${quoted(t)}]->() WHERE r.${REL_KEY} = $from RETURN r`)
      .join('\n       UNION ALL\n       ');
    const rewritten = await rows(
      tx,
      `CALL () {
         ${scans}
       }
       WITH r, startNode(r) AS a, endNode(r) AS b
       WHERE a:${OURS} AND b:${OURS} AND a.dataset = $dataset AND b.dataset = $dataset
       SET r.${REL_KEY} = $to
       RETURN elementId(r) AS id, type(r) AS type`,
      { from, to, dataset },
    );
    for (const r of rewritten)
      out.push({ on: 'relationship', id: r.id as string, key: r.type as string, property: REL_KEY });
  }
  return out;
}

/**
 * An entity renamed by an edit (query.ts): the readable names beside the keys naming it follow
 * `names`, by the merge's rule (an article's outlet and authors whatever they held, a claim's
 * caption only in the "old name: gist" shape), its keys unchanged. Returns what it wrote, for the
 * edit's audit entry. Cost: the node scans of rewriteReferences for people and organizations
 * (tens of ms, up to 0.3 s at 1M relationships), nothing for other kinds.
 */
export async function renameBeside(
  tx: ManagedTransaction,
  labels: readonly string[],
  dataset: unknown,
  key: string,
  names: MergedNames,
): Promise<RewrittenReference[]> {
  if (names.from === names.to) return [];
  return (await rewriteNodeKeys(tx, labels, dataset, key, key, names)).filter((x) => x.beside);
}

/** The node keys naming `from` become `to` and their readable names `names.to` (with `from === to`, only the names). */
async function rewriteNodeKeys(
  tx: ManagedTransaction,
  labels: readonly string[],
  dataset: unknown,
  from: string,
  to: string,
  names: MergedNames,
): Promise<RewrittenReference[]> {
  const out: RewrittenReference[] = [];
  const params = { from, to, dataset, toName: names.to, fromPrefix: `${names.from}: `, toPrefix: `${names.to}: ` };
  for (const k of NODE_KEYS) {
    if (k.names && !k.names.some((l) => labels.includes(l))) continue;
    if (from === to && !k.beside) continue;
    const p = k.property;
    const b = k.beside ? quoted(k.beside) : null;
    const query = k.list
      ? `MATCH (n:${k.label}) WHERE n.dataset = $dataset AND $from IN n.${p}
           WITH n, [i IN range(0, size(n.${p}) - 1) WHERE n.${p}[i] = $from] AS at, ${b ? `n.${b}` : 'null'} AS was
           WITH n, at, was, CASE WHEN was IS :: LIST<STRING NOT NULL> NOT NULL
                                 THEN [i IN at WHERE i < size(was) AND was[i] <> $toName] ELSE [] END AS named
           SET n.${p} = [x IN n.${p} | CASE WHEN x = $from THEN $to ELSE x END]
           ${b ? `SET n.${b} = CASE WHEN size(named) > 0 THEN [i IN range(0, size(was) - 1) | CASE WHEN i IN named THEN $toName ELSE was[i] END] ELSE was END` : ''}
           RETURN elementId(n) AS id, n.id AS key, at, named, [i IN named | was[i]] AS was, $toName AS now`
      : `MATCH (n:${k.label}) WHERE n.dataset = $dataset AND n.${p} = $from
           WITH n, ${b ? `n.${b}` : 'null'} AS was
           SET n.${p} = $to
           ${
             !b
               ? ''
               : k.beside === CAPTION
                 ? `SET n.${b} = CASE WHEN was STARTS WITH $fromPrefix THEN $toPrefix + substring(was, size($fromPrefix)) ELSE was END`
                 : `SET n.${b} = CASE WHEN was IS :: STRING NOT NULL THEN $toName ELSE was END`
           }
           RETURN elementId(n) AS id, n.id AS key, null AS at, null AS named, was, ${b ? `n.${b}` : 'null'} AS now`;
    for (const row of await rows(tx, query, params)) {
      const { key, was, now } = row;
      const at = row.at as unknown[] | null;
      const named = row.named as unknown[] | null;
      const ref: RewrittenReference = {
        on: 'node',
        id: row.id as string,
        key: typeof key === 'string' ? key : null,
        property: p,
        ...(at ? { at: at.map((i) => Number(toJson(i))) } : {}),
      };
      if (k.beside && named && named.length && Array.isArray(was))
        ref.beside = {
          property: k.beside,
          at: named.map((i) => Number(toJson(i))),
          before: was as string[],
          after: names.to,
        };
      else if (k.beside && !named && typeof was === 'string' && typeof now === 'string' && was !== now)
        ref.beside = { property: k.beside, before: was, after: now };
      out.push(ref);
    }
  }
  return out;
}

/**
 * Puts the references a merge rewrote back to the duplicate's key `to` — each only where it still
 * names the survivor's key `from` on the same node (by key) or relationship (by type). One changed
 * since (an editor re-pointed it, or it was deleted) is left as it is now: that later edit stands,
 * and the undo goes on without it (it is not refused: the reference is not the merge's to keep).
 * The readable name beside a key goes back with it, by the same rule: only where it still holds
 * what the merge wrote (a caption an editor rewrote since stays). Returns how many keys were put
 * back, and the element ids of the nodes holding them. Cost: one element-id seek per reference.
 */
export async function restoreReferences(
  tx: ManagedTransaction,
  refs: readonly RewrittenReference[],
  from: string,
  to: string,
): Promise<{ restored: number; nodes: string[]; relationships: string[] }> {
  const beside = new Map<string, string | null>(NODE_KEYS.map((k) => [k.property, k.beside]));
  // Only properties a merge writes: the audit entry is JSON an admin could have edited.
  const nodes = refs.filter((x) => x.on === 'node' && beside.has(x.property));
  const rels = refs.filter((x) => x.on === 'relationship' && x.property === REL_KEY);
  let n = 0;
  const restoredOn: RewrittenReference[] = [];
  for (const x of nodes) {
    const p = quoted(x.property);
    const side = besideOf(x, beside.get(x.property) ?? null);
    const b = side ? quoted(side.property) : null;
    const query = x.at
      ? `MATCH (n) WHERE elementId(n) = $id AND ($key IS NULL OR n.id = $key) AND n.${p} IS :: LIST<ANY>
           WITH n, [i IN $at WHERE i < size(n.${p}) AND n.${p}[i] = $from] AS at WHERE size(at) > 0
           WITH n, at, ${b ? `n.${b}` : 'null'} AS was
           WITH n, at, was, CASE WHEN was IS :: LIST<ANY> NOT NULL
                                 THEN [x IN $names WHERE x.i IN at AND x.i < size(was) AND was[x.i] = $after] ELSE [] END AS named
           SET n.${p} = [i IN range(0, size(n.${p}) - 1) | CASE WHEN i IN at THEN $to ELSE n.${p}[i] END]
           ${b ? `SET n.${b} = CASE WHEN size(named) > 0 THEN [i IN range(0, size(was) - 1) | coalesce(head([x IN named WHERE x.i = i | x.before]), was[i])] ELSE was END` : ''}
           RETURN count(n) AS c`
      : `MATCH (n) WHERE elementId(n) = $id AND ($key IS NULL OR n.id = $key) AND n.${p} = $from
           SET n.${p} = $to
           ${b ? `SET n.${b} = CASE WHEN n.${b} = $after THEN $before ELSE n.${b} END` : ''}
           RETURN count(n) AS c`;
    // One parameter map for either statement (each reads its own). Positions as integers: a JSON
    // number reaches Cypher as a float, which cannot index a list.
    const c = await count(tx, query, {
      id: x.id,
      key: x.key,
      from,
      to,
      at: x.at?.map((i) => neo4j.int(i)) ?? null,
      after: side?.after ?? null,
      before: side?.before ?? null,
      names: side && 'at' in side ? side.at.map((i, j) => ({ i: neo4j.int(i), before: side.before[j] })) : [],
    });
    n += c;
    if (c) restoredOn.push(x);
  }
  if (rels.length) {
    const back = await rows(
      tx,
      `UNWIND $rels AS x
       MATCH ()-[r]->() WHERE elementId(r) = x.id AND type(r) = x.key AND r.${REL_KEY} = $from
       SET r.${REL_KEY} = $to RETURN elementId(r) AS id`,
      { rels: rels.map((x) => ({ id: x.id, key: x.key })), from, to },
    );
    n += back.length;
    for (const r of back) restoredOn.push({ on: 'relationship', id: r.id as string, key: null, property: REL_KEY });
  }
  return { restored: n, nodes: rewrittenNodes(restoredOn), relationships: rewrittenRelationships(restoredOn) };
}

/** The readable name kept with `x`, when it is one a merge writes beside that key and well formed (the entry is JSON). */
function besideOf(x: RewrittenReference, property: string | null): RewrittenReference['beside'] | null {
  const b = x.beside;
  if (!b || !property || b.property !== property || typeof b.after !== 'string') return null;
  if (!x.at) return typeof b.before === 'string' && !('at' in b) ? b : null;
  if (!('at' in b) || !Array.isArray(b.at) || !Array.isArray(b.before) || b.at.length !== b.before.length) return null;
  const ok = b.at.every((i) => Number.isInteger(i)) && b.before.every((v) => typeof v === 'string');
  return ok ? b : null;
}
