/**
 * The minimal Cypher Neo4j Browser runs to expand a node (whole relationships and neighbours,
 * `LIMIT` the page): the baseline an expansion through the API is held to, for the same node
 * and the same page size.
 */
import { int, type Driver } from 'neo4j-driver';
import { pageLimit } from '../../src/server/resources/nodes/neighbours';
import type { RecordedStatement } from './record';

export const BROWSER_EXPAND = 'MATCH (n) WHERE elementId(n) = $id MATCH (n)-[r]-(m) RETURN r, m LIMIT $k';

/**
 * Browser-style expansions of the entities `keys`, each limited to the page the API returns for
 * it (`pageLimit` of its degree and `limit`). Cost: one lookup per key.
 */
export async function browserExpansions(
  driver: Driver,
  database: string,
  keys: string[],
  limit: number,
): Promise<Array<RecordedStatement & { degree: number }>> {
  const out: Array<RecordedStatement & { degree: number }> = [];
  for (const key of keys) {
    const r = await driver.executeQuery(
      'MATCH (n:Entity {id: $key}) RETURN elementId(n) AS id, COUNT { (n)--() } AS d',
      { key },
      { database },
    );
    const rec = r.records[0];
    if (!rec) throw new Error(`no entity ${key} to expand`);
    const degree = Number(rec.get('d'));
    out.push({
      query: BROWSER_EXPAND,
      params: { id: rec.get('id') as string, k: int(pageLimit(degree, limit)) },
      mode: 'READ',
      database,
      degree,
    });
  }
  return out;
}
