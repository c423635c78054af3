import { looksLikeElementId } from './runner';

/**
 * The MATCH that finds one node by the address a client gave: an elementId (index seek), or our
 * `id` property. Without a label the `id` lookup scans every node (cost O(nodes)); element ids
 * are what the API hands out, so the scan is only for hand-typed keys. `variable` and `param`
 * are fixed names from our code, never user input.
 */
export function matchNode(variable: string, param: string, address: string, optional = false): string {
  const m = optional ? 'OPTIONAL MATCH' : 'MATCH';
  return looksLikeElementId(address)
    ? `${m} (${variable}) WHERE elementId(${variable}) = $${param}`
    : `${m} (${variable}) WHERE ${variable}.id = $${param}`;
}
