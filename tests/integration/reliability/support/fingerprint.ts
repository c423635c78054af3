import { createHash } from 'node:crypto';
import type { Driver } from 'neo4j-driver';

/**
 * Counts plus a sha256 over every node (labels, key, properties) and every relationship (ends,
 * type, properties) in a stable order, for any driver/database — tests/support/seeded.ts's
 * graphFingerprint does the same for the shared test database only.
 * Cost: two full scans; fine for graphs of a few thousand elements.
 */
export async function fingerprintOf(driver: Driver, database: string): Promise<string> {
  const nodes = await driver.executeQuery(
    `MATCH (n) WITH n, coalesce(n.id, elementId(n)) AS k ORDER BY k
     RETURN collect([k, labels(n), properties(n)]) AS all`,
    {},
    { database },
  );
  const rels = await driver.executeQuery(
    `MATCH (a)-[r]->(b) WITH r, coalesce(a.id, elementId(a)) + '|' + type(r) + '|' + coalesce(b.id, elementId(b)) AS k
     ORDER BY k, r.quote RETURN collect([k, properties(r)]) AS all`,
    {},
    { database },
  );
  const n = nodes.records[0]!.get('all') as unknown[];
  const r = rels.records[0]!.get('all') as unknown[];
  const hash = createHash('sha256')
    .update(stableJson([n, r]))
    .digest('hex');
  return `nodes=${n.length} rels=${r.length} sha256=${hash}`;
}

/**
 * What "the seeded data is intact" means after a crash: counts per label and per relationship
 * type, and a sha256 over the sorted ids. Cost: three small aggregations.
 */
export async function countsAndIdChecksum(
  driver: Driver,
  database: string,
): Promise<{ labels: Record<string, number>; types: Record<string, number>; idSha: string }> {
  const l = await driver.executeQuery(
    'MATCH (n) UNWIND labels(n) AS l RETURN l, count(*) AS c ORDER BY l',
    {},
    { database },
  );
  const t = await driver.executeQuery(
    'MATCH ()-[r]->() RETURN type(r) AS t, count(*) AS c ORDER BY t',
    {},
    { database },
  );
  const ids = await driver.executeQuery(
    'MATCH (n) WITH n.id AS id ORDER BY id RETURN collect(id) AS ids',
    {},
    { database },
  );
  return {
    labels: Object.fromEntries(l.records.map((r) => [r.get('l') as string, Number(r.get('c'))])),
    types: Object.fromEntries(t.records.map((r) => [r.get('t') as string, Number(r.get('c'))])),
    idSha: createHash('sha256')
      .update(JSON.stringify(ids.records[0]!.get('ids')))
      .digest('hex'),
  };
}

/** JSON with object keys sorted, so property order cannot change the checksum. */
export function stableJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableJson).join(',')}]`;
  if (v && typeof v === 'object') {
    if (typeof (v as { toString?: unknown }).toString === 'function' && (v as object).constructor?.name !== 'Object')
      return JSON.stringify(String(v)); // driver Integer, Date, Point: their string form is exact
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableJson(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(typeof v === 'bigint' ? String(v) : v) ?? 'null';
}
