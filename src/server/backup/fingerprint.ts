/**
 * "The same graph" in one string: node and relationship counts, counts per label and type, and a
 * hash over every node's labels and properties and every relationship's type, ends and
 * properties. The hash is a sum of per-element SHA-256 values (mod 2^256), so it is streamed in
 * any order with constant memory, yet any changed, added or removed element changes it.
 */
import { createHash } from 'node:crypto';
import neo4j, { type Driver } from 'neo4j-driver';
import { toJson } from '../db/convert';

const MOD = 1n << 256n;

/** JSON with object keys sorted, so property order cannot change the hash. */
export function stableJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableJson).join(',')}]`;
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableJson(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

const h = (s: string) => BigInt(`0x${createHash('sha256').update(s).digest('hex')}`);

async function stream(driver: Driver, database: string, cypher: string, each: (row: unknown[]) => void) {
  const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
  try {
    await new Promise<void>((resolve, reject) => {
      session.run(cypher).subscribe({
        onNext: (r) => each(r.keys.map((k) => toJson(r.get(k)))),
        onCompleted: () => resolve(),
        onError: reject,
      });
    });
  } finally {
    await session.close();
  }
}

/** Cost: one pass over every node and relationship (streamed). */
export async function graphFingerprint(driver: Driver, database: string): Promise<string> {
  let nodes = 0;
  let rels = 0;
  let sum = 0n;
  const labels = new Map<string, number>();
  const types = new Map<string, number>();
  await stream(driver, database, 'MATCH (n) RETURN labels(n) AS l, properties(n) AS p', ([l, p]) => {
    const ls = [...(l as string[])].sort();
    for (const x of ls) labels.set(x, (labels.get(x) ?? 0) + 1);
    nodes++;
    sum = (sum + h(stableJson(['n', ls, p]))) % MOD;
  });
  await stream(
    driver,
    database,
    `MATCH (a)-[r]->(b) RETURN type(r) AS t, coalesce(a.id, elementId(a)) AS a, coalesce(b.id, elementId(b)) AS b, properties(r) AS p`,
    ([t, a, b, p]) => {
      types.set(t as string, (types.get(t as string) ?? 0) + 1);
      rels++;
      sum = (sum + h(stableJson(['r', t, a, b, p]))) % MOD;
    },
  );
  const counts = (m: Map<string, number>) =>
    [...m.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, n]) => `${k}:${n}`)
      .join(',');
  return `nodes=${nodes} rels=${rels} labels=[${counts(labels)}] types=[${counts(types)}] sha256sum=${sum.toString(16).padStart(64, '0')}`;
}
