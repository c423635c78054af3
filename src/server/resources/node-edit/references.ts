/**
 * Properties that name an entity by its key (`id`) rather than by a relationship: a merge rewrites
 * those naming the duplicate to the survivor's key, in its own transaction, and records each one
 * (element id, property, list position) in its audit entry so that an undo puts exactly those back.
 * Saved queries join on them (`OPTIONAL MATCH (src:Entity {id: att.according_to})`): left on the
 * deleted duplicate, those answers would lose their source.
 *
 * Only nodes and relationships of the merged entities' dataset are read or written (a relationship
 * when both its ends are ours and in it): never data the app did not load, nor another dataset.
 */
import type { ManagedTransaction } from 'neo4j-driver';
import { toJson } from '../../db/convert';

/**
 * The node properties holding an entity key (seed/README.md, the loader's rows.ts, ingest's
 * accepts): where they live and which kind of entity they can name (read.ts validates that), so a
 * merge of weapons does not scan articles for authors.
 */
const NODE_KEYS = [
  { label: 'Event', property: 'casualties_reported_by', names: null, list: false },
  { label: 'Claim', property: 'claimant', names: ['Person', 'Organization'], list: false },
  { label: 'Article', property: 'outlet_id', names: ['Organization'], list: false },
  { label: 'Article', property: 'author_ids', names: ['Person'], list: true },
  { label: 'Entity', property: 'country', names: ['Place'], list: false },
] as const;

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
}

const quoted = (name: string) => `\`${name.replace(/`/g, '``')}\``;
const OURS = 'Entity|Article|Claim';

/**
 * Rewrites every reference to `from` into `to` within `dataset`, after the merge moved the
 * duplicate's relationships (so copies that named it are rewritten too), and returns what it wrote.
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
): Promise<RewrittenReference[]> {
  const out: RewrittenReference[] = [];
  const params = { from, to, dataset };
  for (const k of NODE_KEYS) {
    if (k.names && !k.names.some((l) => labels.includes(l))) continue;
    const r = k.list
      ? await tx.run(
          `MATCH (n:${k.label}) WHERE n.dataset = $dataset AND $from IN n.${k.property}
           WITH n, [i IN range(0, size(n.${k.property}) - 1) WHERE n.${k.property}[i] = $from] AS at
           SET n.${k.property} = [x IN n.${k.property} | CASE WHEN x = $from THEN $to ELSE x END]
           RETURN elementId(n) AS id, n.id AS key, at`,
          params,
        )
      : await tx.run(
          `MATCH (n:${k.label}) WHERE n.dataset = $dataset AND n.${k.property} = $from
           SET n.${k.property} = $to
           RETURN elementId(n) AS id, n.id AS key, null AS at`,
          params,
        );
    for (const rec of r.records) {
      const key = rec.get('key') as unknown;
      const at = rec.get('at') as unknown[] | null;
      out.push({
        on: 'node',
        id: rec.get('id') as string,
        key: typeof key === 'string' ? key : null,
        property: k.property,
        ...(at ? { at: at.map((i) => Number(toJson(i))) } : {}),
      });
    }
  }
  // The types are named in the statement, one type scan each: given `r:A|B|…` the planner scans
  // every node and expands it (twice as slow at 1M). Listing them is a token read, not a data read.
  const types = (await tx.run('CALL db.relationshipTypes() YIELD relationshipType AS t RETURN t')).records
    .map((r) => r.get('t') as string)
    .filter((t) => !LOADER_TYPES.includes(t));
  if (types.length) {
    const scans = types
      .map((t) => `MATCH ()-[r:${quoted(t)}]->() WHERE r.${REL_KEY} = $from RETURN r`)
      .join('\n       UNION ALL\n       ');
    const r = await tx.run(
      `CALL () {
         ${scans}
       }
       WITH r, startNode(r) AS a, endNode(r) AS b
       WHERE a:${OURS} AND b:${OURS} AND a.dataset = $dataset AND b.dataset = $dataset
       SET r.${REL_KEY} = $to
       RETURN elementId(r) AS id, type(r) AS type`,
      params,
    );
    for (const rec of r.records)
      out.push({ on: 'relationship', id: rec.get('id') as string, key: rec.get('type') as string, property: REL_KEY });
  }
  return out;
}

/**
 * Puts the references a merge rewrote back to the duplicate's key `to` — each only where it still
 * names the survivor's key `from` on the same node (by key) or relationship (by type). One changed
 * since (an editor re-pointed it, or it was deleted) is left as it is now: that later edit stands,
 * and the undo goes on without it (it is not refused: the reference is not the merge's to keep).
 * Returns how many were put back. Cost: one element-id seek per reference.
 */
export async function restoreReferences(
  tx: ManagedTransaction,
  refs: readonly RewrittenReference[],
  from: string,
  to: string,
): Promise<number> {
  const known = new Set<string>(NODE_KEYS.map((k) => k.property));
  // Only properties a merge writes: the audit entry is JSON an admin could have edited.
  const nodes = refs.filter((x) => x.on === 'node' && known.has(x.property));
  const rels = refs.filter((x) => x.on === 'relationship' && x.property === REL_KEY);
  let n = 0;
  for (const x of nodes) {
    const p = quoted(x.property);
    const r = x.at
      ? await tx.run(
          `MATCH (n) WHERE elementId(n) = $id AND ($key IS NULL OR n.id = $key) AND n.${p} IS :: LIST<ANY>
           WITH n, [i IN $at WHERE i < size(n.${p}) AND n.${p}[i] = $from] AS at WHERE size(at) > 0
           SET n.${p} = [i IN range(0, size(n.${p}) - 1) | CASE WHEN i IN at THEN $to ELSE n.${p}[i] END]
           RETURN count(n) AS c`,
          { id: x.id, key: x.key, at: x.at, from, to },
        )
      : await tx.run(
          `MATCH (n) WHERE elementId(n) = $id AND ($key IS NULL OR n.id = $key) AND n.${p} = $from
           SET n.${p} = $to RETURN count(n) AS c`,
          { id: x.id, key: x.key, from, to },
        );
    n += Number(toJson(r.records[0]?.get('c') ?? 0));
  }
  if (rels.length) {
    const r = await tx.run(
      `UNWIND $rels AS x
       MATCH ()-[r]->() WHERE elementId(r) = x.id AND type(r) = x.key AND r.${REL_KEY} = $from
       SET r.${REL_KEY} = $to RETURN count(r) AS c`,
      { rels: rels.map((x) => ({ id: x.id, key: x.key })), from, to },
    );
    n += Number(toJson(r.records[0]!.get('c')));
  }
  return n;
}
