/**
 * What derivation reads of a database: per label and per relationship type its count and a
 * sample of its property keys with their types and fill. Read-only, bounded: one count-store
 * lookup and one sampled scan (LIMIT) per label and type, at most MAX_TOKENS of each.
 */
import type { Catalog } from '../../db/catalog';
import { num } from '../../db/convert';
import { int, readQuery, type Db } from '../../db/runner';
import { isInternalLabel } from '../../../dataset/internal';

export const SAMPLE_SIZE = 200;
export const MAX_TOKENS = 100;

export interface PropStat {
  key: string;
  /** Sampled elements that have it. */
  filled: number;
  /** Value types seen (`STRING`, `INTEGER`, `LIST<STRING>`, `POINT`, `DATE`…). */
  types: string[];
  avgLen: number | null;
  distinct: number;
  minInt: number | null;
  maxInt: number | null;
  /** String values that start like an ISO date (2023-04-21…). */
  isoDates: number;
}

export interface TokenSample {
  name: string;
  count: number;
  sampled: number;
  props: PropStat[];
}

export interface SchemaSample {
  database: string;
  labels: TokenSample[];
  types: TokenSample[];
  /** Online full-text node indexes. */
  fulltext: { name: string; labels: string[]; properties: string[] }[];
}

/** A label or type as a Cypher identifier (backticks doubled): names come from db.labels(), never from a request. */
export const quoteToken = (t: string) => `\`${t.replace(/`/g, '``')}\``;

const STATS = `
WITH collect(x) AS xs
UNWIND xs AS x
UNWIND keys(x) AS k
WITH k, x[k] AS v
RETURN k AS key, count(v) AS filled,
       collect(DISTINCT replace(valueType(v), ' NOT NULL', ''))[..4] AS types,
       avg(CASE WHEN v IS :: STRING THEN size(v) END) AS avgLen,
       count(DISTINCT v) AS distinct,
       min(CASE WHEN v IS :: INTEGER THEN v END) AS minInt,
       max(CASE WHEN v IS :: INTEGER THEN v END) AS maxInt,
       count(CASE WHEN v IS :: STRING AND v =~ '\\\\d{4}-\\\\d{2}-\\\\d{2}.*' THEN 1 END) AS isoDates`;

function stats(records: { get(k: string): unknown }[]): PropStat[] {
  return records.map((r) => ({
    key: String(r.get('key')),
    filled: num(r.get('filled')),
    types: (r.get('types') as string[]).map(String),
    avgLen: r.get('avgLen') === null ? null : Number(r.get('avgLen')),
    distinct: num(r.get('distinct')),
    minInt: r.get('minInt') === null ? null : num(r.get('minInt')),
    maxInt: r.get('maxInt') === null ? null : num(r.get('maxInt')),
    isoDates: num(r.get('isoDates')),
  }));
}

/** Count-store lookups per statement (each branch is one; the plan stays small). */
const COUNT_BRANCHES = 200;

/** The labels and types in use with their counts, by name. */
interface TokenCounts {
  labels: string[];
  types: string[];
  counts: { labels: Map<string, number>; types: Map<string, number> };
}

/**
 * Labels and relationship types that have elements now, with their counts. `db.labels()` also
 * lists a label whose nodes were all deleted (the token stays), so a database once seeded with our
 * model and then wiped would still look like ours. Cost: one round trip for the tokens, then one
 * count-store lookup per token (O(1) each), COUNT_BRANCHES to a statement.
 */
async function countTokens(db: Db): Promise<TokenCounts> {
  const r = await readQuery(
    db,
    `CALL db.labels() YIELD label WITH collect(label) AS labels
     CALL db.relationshipTypes() YIELD relationshipType
     RETURN labels, collect(relationshipType) AS types`,
  );
  const rec = r.records[0];
  const labels = ((rec?.get('labels') as string[] | undefined) ?? []).map(String).filter((l) => !isInternalLabel(l));
  const types = ((rec?.get('types') as string[] | undefined) ?? []).map(String);
  const branches = [
    ...labels.map((l, i) => `MATCH (x:${quoteToken(l)}) RETURN 0 AS kind, ${i} AS i, count(x) AS c`),
    ...types.map((t, i) => `MATCH ()-[x:${quoteToken(t)}]->() RETURN 1 AS kind, ${i} AS i, count(x) AS c`),
  ];
  // The constant columns group the count: a token with nothing behind it gives no row at all.
  const counts = { labels: new Map<string, number>(), types: new Map<string, number>() };
  for (let at = 0; at < branches.length; at += COUNT_BRANCHES) {
    const rows = await readQuery(db, branches.slice(at, at + COUNT_BRANCHES).join('\nUNION ALL\n'));
    for (const x of rows.records) {
      const c = num(x.get('c'));
      const i = num(x.get('i'));
      if (c === 0) continue;
      if (num(x.get('kind')) === 0) counts.labels.set(labels[i]!, c);
      else counts.types.set(types[i]!, c);
    }
  }
  return {
    labels: labels.filter((l) => counts.labels.has(l)),
    types: types.filter((t) => counts.types.has(t)),
    counts,
  };
}

/** Labels and relationship types that have elements now (see countTokens). */
export async function tokensInUse(db: Db): Promise<{ labels: string[]; types: string[] }> {
  const { labels, types } = await countTokens(db);
  return { labels, types };
}

/**
 * Samples the given labels (default all) and every relationship type, counted by the one lookup
 * per token that found them in use (a label or type asked for that it did not find is counted on
 * its own). Cost: O(tokens) small queries, each bounded by SAMPLE_SIZE elements.
 */
export async function sampleSchema(
  db: Db,
  catalog: Catalog,
  only?: { labels?: readonly string[]; types?: readonly string[] },
): Promise<SchemaSample> {
  const tokens = await countTokens(db);
  const labels: TokenSample[] = [];
  for (const l of (only?.labels ?? tokens.labels).slice(0, MAX_TOKENS)) {
    const q = quoteToken(l);
    const count =
      tokens.counts.labels.get(l) ??
      num((await readQuery(db, `MATCH (n:${q}) RETURN count(n) AS c`)).records[0]?.get('c'));
    if (count === 0) continue;
    const r = await readQuery(db, `MATCH (x:${q}) WITH x LIMIT $n ${STATS}`, { n: int(SAMPLE_SIZE) });
    labels.push({ name: l, count, sampled: Math.min(count, SAMPLE_SIZE), props: stats(r.records) });
  }
  const types: TokenSample[] = [];
  for (const t of (only?.types ?? tokens.types).slice(0, MAX_TOKENS)) {
    const q = quoteToken(t);
    const count =
      tokens.counts.types.get(t) ??
      num((await readQuery(db, `MATCH ()-[r:${q}]->() RETURN count(r) AS c`)).records[0]?.get('c'));
    if (count === 0) continue;
    const r = await readQuery(db, `MATCH ()-[x:${q}]->() WITH x LIMIT $n ${STATS}`, { n: int(SAMPLE_SIZE) });
    types.push({ name: t, count, sampled: Math.min(count, SAMPLE_SIZE), props: stats(r.records) });
  }
  const fulltext = (await catalog.indexes())
    .filter((i) => i.type === 'FULLTEXT' && i.entityType === 'NODE' && i.state === 'ONLINE')
    .map((i) => ({ name: i.name, labels: i.labelsOrTypes, properties: i.properties }));
  return { database: db.database, labels, types, fulltext };
}
