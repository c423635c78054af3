import type { Node } from 'neo4j-driver';
import { nodeKey } from './graph';
import { looksLikeElementId, readQuery, type Db } from './runner';

/**
 * Labels whose `id` is unique, so indexed (cypher/schema.cypher's constraints; every entity also
 * carries :Entity): a key is looked up in their indexes first, at O(1) database hits each.
 */
export const KEYED_LABELS = ['Entity', 'Article', 'Claim'] as const;

/**
 * The values an `id` may have for the address in parameter `param` (text, integer, float), as a
 * list an index seek takes; nodeAddressWhere then checks the match exactly.
 */
const KEY_FORMS = (param: string) => `[$${param}, toIntegerOrNull($${param}), toFloatOrNull($${param})]`;

/**
 * The condition that a node is the one an address names: an elementId, or its `id` property
 * whatever its type — `500` names `{id: 500}` as well as `{id: '500'}`. `variable` and `param`
 * are fixed names from our code, never user input; the parameter holds the address as text.
 */
export function nodeAddressWhere(variable: string, param: string, address: string): string {
  const v = variable;
  return looksLikeElementId(address)
    ? `elementId(${v}) = $${param}`
    : `(${v}.id = $${param} OR ((${v}.id IS :: INTEGER NOT NULL OR ${v}.id IS :: FLOAT NOT NULL) AND toString(${v}.id) = $${param}))`;
}

/**
 * The MATCH (or OPTIONAL MATCH: one row, the variable null when there is no such node) of one
 * node by its address. An element id is a seek. A key is sought in the `id` index of each keyed
 * label (as text, integer and float, then checked exactly); only a key none of them holds falls
 * back to a scan of every node (O(nodes): a hand-typed key of a node outside those labels, or
 * one that does not exist). Leaves `<variable>__hit`/`<variable>__scan` in scope beside it.
 */
export function matchNode(variable: string, param: string, address: string, optional = false): string {
  if (looksLikeElementId(address)) {
    return `${optional ? 'OPTIONAL MATCH' : 'MATCH'} (${variable}) WHERE ${nodeAddressWhere(variable, param, address)}`;
  }
  const v = variable;
  // Names of its own (`x` as well), so no clash with the caller's variables.
  const x = `${v}__x`;
  const seek = KEYED_LABELS.map((l) => `MATCH (${x}:${l}) WHERE ${x}.id IN ${KEY_FORMS(param)} RETURN ${x}`).join(
    ' UNION ',
  );
  return `CALL () {
  CALL () { ${seek} }
  WITH ${x} WHERE ${nodeAddressWhere(x, param, address)}
  RETURN head(collect(${x})) AS ${v}__hit
}
OPTIONAL CALL (${v}__hit) {
  // A row only when the seek found nothing: a WHERE here would be planned after the scan.
  UNWIND CASE WHEN ${v}__hit IS NULL THEN [1] ELSE [] END AS ${v}__go
  MATCH (${x}) WHERE ${nodeAddressWhere(x, param, address)}
  RETURN ${x} AS ${v}__scan LIMIT 1
}
WITH *, coalesce(${v}__hit, ${v}__scan) AS ${v}${optional ? '' : `\nWHERE ${v} IS NOT NULL`}`;
}

export interface ResolvedNode {
  elementId: string;
  /** Its `id` as text, when it has one. */
  key: string | null;
  labels: string[];
}

/** A label as a Cypher identifier (backticks doubled), so any label text is safe inside a pattern. */
const quoteLabel = (l: string) => `\`${l.replace(/`/g, '``')}\``;

/**
 * Finds the node an address names (element id or `id` of any type), looking among `labels` first
 * (an index seek where a label's `id` is indexed, else a scan of that label). Null when there is
 * none. Cost: one round trip (two when the node is outside `labels`).
 */
export async function resolveNode(db: Db, address: string, labels?: readonly string[]): Promise<ResolvedNode | null> {
  const byLabel = !!labels?.length && !looksLikeElementId(address);
  const where = nodeAddressWhere('n', 'address', address);
  const r = await readQuery(
    db,
    byLabel
      ? `CALL () { ${labels!
          .slice(0, 20)
          .map((l) => `MATCH (n:${quoteLabel(l)}) WHERE n.id IN ${KEY_FORMS('address')} AND ${where} RETURN n`)
          .join(' UNION ')} } RETURN n LIMIT 1`
      : `${matchNode('n', 'address', address)} RETURN n LIMIT 1`,
    { address },
  );
  const n = r.records[0]?.get('n') as Node | undefined;
  if (!n) {
    // The labels are a hint for the picker; a node outside them is still the one named.
    return byLabel ? resolveNode(db, address) : null;
  }
  return { elementId: n.elementId, key: nodeKey(n.properties as Record<string, unknown>), labels: [...n.labels] };
}
