import type { Node, Relationship } from 'neo4j-driver';
import type { ValuesResponse } from '../../../shared/api/values';
import { LIST_VALUE_MAX_CHARS } from '../../../shared/graph';
import { propertiesToJson } from '../../db/convert';
import { readQuery, type Db } from '../../db/runner';

// Element-id seeks only: the cost is the number of ids, whatever the size of the graph.
const VALUES = `
CALL () {
  UNWIND $nodes AS id
  MATCH (n) WHERE elementId(n) = id
  RETURN collect(n) AS ns
}
CALL () {
  UNWIND $rels AS id
  MATCH ()-[r]->() WHERE elementId(r) = id
  RETURN collect(DISTINCT r) AS rs
}
RETURN ns, rs`;

/** An element's string properties that a list payload cuts, whole. */
function longValues(e: Node | Relationship): ValuesResponse['nodes'][number] {
  const properties: Record<string, string> = {};
  for (const [k, v] of Object.entries(propertiesToJson(e.properties as Record<string, unknown>)))
    if (typeof v === 'string' && v.length > LIST_VALUE_MAX_CHARS) properties[k] = v;
  return { id: e.elementId, properties };
}

/** The whole long values of these nodes and relationships. Cost: one round trip, O(ids) seeks. */
export async function longValuesOf(
  db: Db,
  nodes: readonly string[],
  relationships: readonly string[],
): Promise<ValuesResponse> {
  const r = await readQuery(db, VALUES, { nodes: [...new Set(nodes)], rels: [...new Set(relationships)] });
  const rec = r.records[0];
  return {
    nodes: ((rec?.get('ns') as Node[] | undefined) ?? []).map(longValues),
    relationships: ((rec?.get('rs') as Relationship[] | undefined) ?? []).map(longValues),
  };
}
