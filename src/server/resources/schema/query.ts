import type { SchemaResponse } from '../../../shared/api/schema';
import type { Perspective } from '../../../shared/api/perspectives';
import type { Catalog } from '../../db/catalog';
import { usableIndexes } from '../search/query';
import { num } from '../../db/convert';
import { quoteToken } from '../perspectives/sample';
import { readQuery, type Db } from '../../db/runner';
import { schemaProblemOf } from '../../../ingest/staging/graph';
import { INTERNAL_KEYS, isInternalIndex, isInternalLabel } from '../../../dataset/internal';

const TOKENS = `
CALL db.labels() YIELD label WITH collect(label) AS labels
CALL db.relationshipTypes() YIELD relationshipType WITH labels, collect(relationshipType) AS types
CALL db.propertyKeys() YIELD propertyKey WITH labels, types, collect(propertyKey) AS keys
CALL () { MATCH (n) RETURN count(n) AS nodes }
CALL () { MATCH ()-[r]->() RETURN count(r) AS rels }
WITH labels, types, keys, nodes, rels`;

// Counts per label and type from the count store (a privilege some users lack) …
const COUNT_STORE = `${TOKENS}
CALL db.stats.retrieve('GRAPH COUNTS') YIELD data
RETURN labels, types, keys, nodes, rels,
       [x IN data.nodes WHERE x.label IS NOT NULL | {name: x.label, count: x.count}] AS labelCounts,
       [x IN data.relationships WHERE x.relationshipType IS NOT NULL AND x.startLabel IS NULL AND x.endLabel IS NULL
          | {name: x.relationshipType, count: x.count}] AS typeCounts`;

// … else one scan of the nodes and one of the relationships.
const SCAN_COUNTS = `${TOKENS}
CALL () { MATCH (n) UNWIND labels(n) AS l WITH l, count(*) AS c RETURN collect({name: l, count: c}) AS labelCounts }
CALL () { MATCH ()-[r]->() WITH type(r) AS t, count(r) AS c RETURN collect({name: t, count: c}) AS typeCounts }
RETURN labels, types, keys, nodes, rels, labelCounts, typeCounts`;

/** Nodes sampled per label for its property keys. */
const PROPERTY_SAMPLE = 200;
/**
 * One statement, a branch per label. Labels are written literally (from db.labels(), never from a
 * request) so each branch is a label scan that stops at the sample: Neo4j 5.26 plans a dynamic
 * label `$(l)` as a scan of all nodes, which walks the whole store for a rare label.
 */
export function labelPropertiesCypher(labels: readonly string[]): string {
  return labels
    .map(
      (l, i) =>
        `MATCH (n:${quoteToken(l)}) WITH n LIMIT ${PROPERTY_SAMPLE} UNWIND keys(n) AS k ` +
        `RETURN ${i} AS li, collect(DISTINCT k) AS keys`,
    )
    .join('\nUNION ALL\n');
}
const FUNCTIONS = 'SHOW FUNCTIONS YIELD name, signature RETURN name, signature ORDER BY name';

/**
 * What the Cypher editor completes beyond tokens: property keys per label (a sample of each
 * label's nodes: O(labels × sample)) and the database's functions. Either may be missing (old
 * server, no privilege): completion then falls back to all keys / keywords.
 */
async function completionData(
  db: Db,
  labels: string[],
): Promise<Pick<SchemaResponse, 'labelProperties' | 'functions'>> {
  const out: Pick<SchemaResponse, 'labelProperties' | 'functions'> = {};
  try {
    // A label whose nodes are all gone (the token stays) has no row: no keys.
    const keys = new Map<string, string[]>(labels.map((l) => [l, []]));
    if (labels.length) {
      const r = await readQuery(db, labelPropertiesCypher(labels));
      for (const x of r.records) keys.set(labels[num(x.get('li'))]!, [...(x.get('keys') as string[])].sort());
    }
    out.labelProperties = Object.fromEntries(keys);
  } catch {
    /* not allowed or not answered in time: all keys everywhere */
  }
  try {
    const r = await readQuery(db, FUNCTIONS);
    out.functions = r.records.map((x) => ({ name: x.get('name') as string, signature: x.get('signature') as string }));
  } catch {
    /* not allowed: keywords only */
  }
  return out;
}

/**
 * Labels, types, property keys and counts. Cost: one round trip (counts from the count store,
 * O(1)) plus the cached SHOW INDEXES; on databases where db.stats is not allowed the
 * counts come from a scan, O(nodes + relationships).
 */
export async function describeSchema(db: Db, catalog: Catalog, perspective: Perspective): Promise<SchemaResponse> {
  const indexesP = catalog.indexes();
  indexesP.catch(() => {}); // awaited below; avoid an unhandled rejection if the first query fails
  let countsSource: SchemaResponse['countsSource'] = 'count-store';
  let t;
  try {
    t = (await readQuery(db, COUNT_STORE)).records[0]!;
  } catch (e) {
    const code = (e as { code?: string }).code ?? '';
    if (!code.startsWith('Neo.ClientError.Security') && !code.startsWith('Neo.ClientError.Procedure')) throw e;
    countsSource = 'scan';
    t = (await readQuery(db, SCAN_COUNTS, {}, { timeoutMs: 30_000 })).records[0]!;
  }
  const counts = t;
  const indexes = await indexesP;
  const labelCount = new Map(
    (counts.get('labelCounts') as { name: string; count: unknown }[]).map((x) => [x.name, num(x.count)]),
  );
  const typeCount = new Map(
    (counts.get('typeCounts') as { name: string; count: unknown }[]).map((x) => [x.name, num(x.count)]),
  );
  const byCount = <T extends { count: number }>(a: T & { n: string }, b: T & { n: string }) =>
    b.count - a.count || a.n.localeCompare(b.n);
  const labels = (t.get('labels') as string[])
    .filter((l) => !isInternalLabel(l)) // the seed loader's bookkeeping (empty once a load is done)
    .map((l) => ({ n: l, label: l, count: labelCount.get(l) ?? 0 }))
    .sort(byCount)
    .map(({ label, count }) => ({ label, count }));
  const relationshipTypes = (t.get('types') as string[])
    .map((ty) => ({ n: ty, type: ty, count: typeCount.get(ty) ?? 0 }))
    .sort(byCount)
    .map(({ type, count }) => ({ type, count }));
  const usable = usableIndexes(perspective, indexes).map((i) => i.name);
  const fulltext = usable[0] ?? null;
  const ingestProblem = schemaProblemOf(
    db.database,
    indexes.map((i) => i.name),
  );
  const completion = await completionData(
    db,
    labels.map((l) => l.label),
  );
  return {
    ...completion,
    database: db.database,
    labels,
    relationshipTypes,
    propertyKeys: (t.get('keys') as string[]).filter((k) => !INTERNAL_KEYS.includes(k)).sort(),
    totals: { nodes: num(t.get('nodes')), relationships: num(t.get('rels')) },
    indexes: indexes.filter((i) => i.type !== 'LOOKUP' && !isInternalIndex(i.name)),
    search: { mode: fulltext ? 'fulltext' : 'scan', index: fulltext, indexes: usable },
    countsSource,
    ingest: { writable: !ingestProblem, reason: ingestProblem },
  };
}
