import type { Node } from 'neo4j-driver';
import { nodeKey } from './graph';
import { looksLikeElementId, readQuery, type Db } from './runner';

/**
 * The condition that finds one node by the address a client gave: an elementId (index seek), or
 * its `id` property whatever its type — `500` finds `{id: 500}` as well as `{id: '500'}`. Without
 * a label the `id` lookup scans every node (cost O(nodes)); element ids are what the API hands
 * out, so the scan is only for hand-typed keys. `variable` and `param` are fixed names from our
 * code, never user input; the parameter holds the address as text.
 */
export function nodeAddressWhere(variable: string, param: string, address: string): string {
  const v = variable;
  return looksLikeElementId(address)
    ? `elementId(${v}) = $${param}`
    : `(${v}.id = $${param} OR ((${v}.id IS :: INTEGER NOT NULL OR ${v}.id IS :: FLOAT NOT NULL) AND toString(${v}.id) = $${param}))`;
}

/** The MATCH (or OPTIONAL MATCH) of one node by its address (see nodeAddressWhere). */
export function matchNode(variable: string, param: string, address: string, optional = false): string {
  const m = optional ? 'OPTIONAL MATCH' : 'MATCH';
  return `${m} (${variable}) WHERE ${nodeAddressWhere(variable, param, address)}`;
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
 * (a label scan instead of a scan of every node). Null when there is none. Cost: one round trip
 * (two when the node is outside `labels`).
 */
export async function resolveNode(db: Db, address: string, labels?: readonly string[]): Promise<ResolvedNode | null> {
  const byLabel = !!labels?.length && !looksLikeElementId(address);
  const where = nodeAddressWhere('n', 'address', address);
  const r = await readQuery(
    db,
    byLabel
      ? `CALL () { ${labels!
          .slice(0, 20)
          .map((l) => `MATCH (n:${quoteLabel(l)}) WHERE ${where} RETURN n`)
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
