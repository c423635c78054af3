import { readFileSync } from 'node:fs';
import type { Driver, ManagedTransaction, Transaction } from 'neo4j-driver';
import type { SeedData } from './read';
import { DATASET, SeedRows, sortedRecord, type LoadCounts, type NodeRow, type RelRow, type Row } from './rows';

export { DATASET, provenance, PROVENANCE_KEYS, type LoadCounts } from './rows';

/**
 * Rows per UNWIND statement (and, in the batched loader, per transaction). 5k keeps memory flat
 * across graph sizes: even a 100k graph fills its batches, so Neo4j's transaction memory (55 MB
 * at 100k, 67 MB at 1M) and the loader's open rows stay the same; at 20k a 1M load needed 3.3×
 * the transaction memory of a 100k one. CPU per relationship (Neo4j + loader, bench/ create
 * mode, 5k against 20k): +10 % at 100k, −12 % at 1M — round trips are not where the time goes.
 */
export const DEFAULT_BATCH = 5_000;
/** The labels this loader writes nodes under; none of them present ⇒ nothing to merge with. */
export const OUR_LABELS = ['Article', 'Entity', 'Claim'] as const;

export interface WriteOptions {
  /** Remove this dataset's nodes first (same transaction). */
  reset: boolean;
  /** Rows per UNWIND statement (default DEFAULT_BATCH). */
  batchSize?: number;
  /**
   * 'auto' (default): CREATE when none of our labels holds a node in this transaction (a fresh
   * database, or right after --reset), MERGE otherwise. 'merge': always MERGE (what the loader
   * did before; the benchmark's same-run baseline).
   */
  strategy?: 'auto' | 'merge';
}

export interface WriteResult {
  mode: 'create' | 'merge';
  /**
   * Create mode: what was written, which is then the whole dataset (checked against Neo4j's
   * own update counters). Merge mode: null (count with datasetCounts).
   */
  counts: LoadCounts | null;
}

/** Runs cypher/schema.cypher (idempotent DDL); schema changes cannot share the data transaction. */
export async function applySchema(
  driver: Driver,
  database: string,
  schemaFile: string,
  opts: { populated?: boolean } = {},
): Promise<number> {
  let statements = readFileSync(schemaFile, 'utf8')
    .split('\n')
    .filter((l) => !l.trim().startsWith('//'))
    .join('\n')
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);
  // On a populated store (the bulk path's import) a constraint returns only once its index is
  // built, a plain index at once: indexes first, so they populate while the constraints build.
  if (opts.populated) {
    const constraint = (s: string) => /^CREATE\s+CONSTRAINT\b/i.test(s);
    statements = [...statements.filter((s) => !constraint(s)), ...statements.filter(constraint)];
  }
  for (const s of statements) await driver.executeQuery(s, {}, { database });
  await driver.executeQuery('CALL db.awaitIndexes(60)', {}, { database });
  return statements.length;
}

type Tx = Transaction | ManagedTransaction;

/**
 * Runs one statement over the rows in batches. With `expect`, the batches together must report
 * exactly that many created nodes/relationships (Neo4j's update counters), or the load fails
 * (and the caller's transaction is rolled back): create mode never drops a row silently.
 */
async function unwind(tx: Tx, s: Stage, batch: number): Promise<void> {
  let nodes = 0;
  let rels = 0;
  for (let i = 0; i < s.rows.length; i += batch) {
    const res = await tx.run(s.cypher, { rows: s.rows.slice(i, i + batch), dataset: DATASET });
    const u = res.summary.counters.updates();
    nodes += u.nodesCreated;
    rels += u.relationshipsCreated;
  }
  if (s.expect?.nodes !== undefined && nodes !== s.expect.nodes)
    throw new Error(`seed: created ${nodes} nodes, expected ${s.expect.nodes} (${s.cypher.slice(0, 80)})`);
  if (s.expect?.rels !== undefined && rels !== s.expect.rels)
    throw new Error(`seed: created ${rels} relationships, expected ${s.expect.rels} (${s.cypher.slice(0, 80)})`);
}

/** True when none of our labels holds a node, as this transaction sees it (count store: O(1)). */
export async function ourLabelsEmpty(tx: Tx | Driver, database?: string): Promise<boolean> {
  const q = OUR_LABELS.map((l, i) => `CALL () { MATCH (n:${l}) RETURN count(n) AS c${i} }`).join(' ');
  const cypher = `${q} RETURN ${OUR_LABELS.map((_, i) => `c${i}`).join(' + ')} AS c`;
  const r = 'executeQuery' in tx ? await tx.executeQuery(cypher, {}, { database }) : await tx.run(cypher);
  return Number(r.records[0]!.get('c')) === 0;
}

/** One UNWIND statement's worth of work: the rows of one node label or one relationship shape. */
interface Stage {
  cypher: string;
  rows: Row[];
  /** Create mode: the nodes/relationships these rows must create (checked against Neo4j's counters). */
  expect?: { nodes?: number; rels?: number };
}

/**
 * Writes the whole dataset inside the caller's transaction.
 *
 * Two paths, one result. When none of our labels holds a node (a fresh database, or just after
 * --reset in this same transaction) nothing can match, so nodes and relationships are CREATEd:
 * no MERGE lookups or locks per row, and the counts are what was written (checked against
 * Neo4j's update counters). Otherwise everything is MERGEd on ids, so a second run leaves
 * identical counts. The validator guarantees unique ids, unique (type, from, to) relationships
 * and unique (article, entity) mentions; claims' `about` lists and contradiction pairs are
 * deduplicated here, so both paths write the same graph.
 *
 * Create mode writes all relationships between the same two labels with ONE statement and a
 * dynamic type (`$(row.type)`, Neo4j 5.26): on a freshly started server each distinct statement
 * costs ~0.2–0.5 s of planning and JIT warm-up, which dominated small loads (bench/). Merge mode
 * keeps one statement per type: a MERGE with a dynamic type was measured ~1.5× slower.
 *
 * Labels and relationship types are interpolated only after the validator has checked them
 * against the vocabulary; all values travel as parameters.
 * Cost: one statement per `batchSize` rows of each kind; two unique-index seeks per relationship.
 */
export async function writeSeed(tx: Tx, d: SeedData, opts: WriteOptions): Promise<WriteResult> {
  const batch = Math.max(1, opts.batchSize ?? DEFAULT_BATCH);
  if (opts.reset) await tx.run('MATCH (n {dataset: $dataset}) DETACH DELETE n', { dataset: DATASET });
  const create = (opts.strategy ?? 'auto') === 'auto' && (await ourLabelsEmpty(tx));
  const nodeCounts = new Map<string, number>();
  const relCounts = new Map<string, number>();
  const add = (m: Map<string, number>, k: string, n: number) => m.set(k, (m.get(k) ?? 0) + n);
  const stages: Stage[] = [];
  const rows = new SeedRows(d);
  const props = (g: Iterable<NodeRow>) => [...g].map((n) => n.props);

  // Nodes: rows are whole property maps (plus `label` for entities, which is not stored).
  const articles = props(rows.articles());
  const claims = props(rows.claims());
  const entities = [...rows.entities()];
  add(nodeCounts, 'Article', articles.length);
  add(nodeCounts, 'Claim', claims.length);
  add(nodeCounts, 'Entity', entities.length);
  for (const e of entities) add(nodeCounts, e.labels[1]!, 1);
  if (create) {
    stages.push({
      cypher: 'UNWIND $rows AS row CREATE (n:Article) SET n = row',
      rows: articles,
      expect: { nodes: articles.length },
    });
    stages.push({
      cypher: 'UNWIND $rows AS row CREATE (n:Entity:$(row.label)) SET n = row.props',
      rows: entities.map((e) => ({ label: e.labels[1], props: e.props })),
      expect: { nodes: entities.length },
    });
    stages.push({
      cypher: 'UNWIND $rows AS row CREATE (n:Claim) SET n = row',
      rows: claims,
      expect: { nodes: claims.length },
    });
  } else {
    stages.push({ cypher: 'UNWIND $rows AS row MERGE (n:Article {id: row.id}) SET n = row', rows: articles });
    const byLabel = new Map<string, Row[]>();
    // Append in place: copying the list on every record made grouping O(n²) (minutes at 100k+ rows; bench/).
    for (const e of entities) {
      const l = e.labels[1]!;
      (byLabel.get(l) ?? byLabel.set(l, []).get(l)!).push(e.props);
    }
    for (const [label, rows] of byLabel)
      stages.push({ cypher: `UNWIND $rows AS row MERGE (n:Entity {id: row.id}) SET n = row SET n:${label}`, rows });
    stages.push({ cypher: 'UNWIND $rows AS row MERGE (n:Claim {id: row.id}) SET n = row', rows: claims });
  }

  // Relationships, grouped by the labels their ends are looked up under (each has a unique id).
  const rels = new Map<string, Row[]>(); // "Type|FromLabel|ToLabel" → {type, from, to, props}
  const group = (r: RelRow) => {
    const key = `${r.type}|${r.fromLabel}|${r.toLabel}`;
    (rels.get(key) ?? rels.set(key, []).get(key)!).push({ type: r.type, from: r.from, to: r.to, props: r.props }); // in place: O(n), see above
  };
  for (const gen of [rows.claimLinks(), rows.typed(), rows.mentions()]) for (const r of gen) group(r);

  const byEnds = new Map<string, Row[]>(); // create mode: "FromLabel|ToLabel" → rows of every type
  for (const [key, rows] of rels) {
    const [type, from, to] = key.split('|') as [string, string, string];
    add(relCounts, type, rows.length);
    if (!create) {
      stages.push({
        cypher: `UNWIND $rows AS row MATCH (a:${from} {id: row.from}), (b:${to} {id: row.to}) MERGE (a)-[r:${type}]->(b) SET r = row.props`,
        rows,
      });
      continue;
    }
    if (type === 'MENTIONS') {
      // Half of all relationships: its own statement, so SHOW TRANSACTIONS and profiles name it.
      stages.push({
        cypher: `UNWIND $rows AS row MATCH (a:${from} {id: row.from}) MATCH (b:${to} {id: row.to}) CREATE (a)-[r:MENTIONS]->(b) SET r = row.props`,
        rows,
        expect: { rels: rows.length },
      });
      continue;
    }
    const ends = `${from}|${to}`;
    const list = byEnds.get(ends) ?? byEnds.set(ends, []).get(ends)!;
    for (const r of rows) list.push(r);
  }
  for (const [ends, rows] of byEnds) {
    const [from, to] = ends.split('|') as [string, string];
    stages.push({
      cypher: `UNWIND $rows AS row MATCH (a:${from} {id: row.from}) MATCH (b:${to} {id: row.to}) CREATE (a)-[r:$(row.type)]->(b) SET r = row.props`,
      rows,
      expect: { rels: rows.length },
    });
  }

  for (const s of stages) await unwind(tx, s, batch);
  return {
    mode: create ? 'create' : 'merge',
    counts: create ? { nodes: sortedRecord(nodeCounts), relationships: sortedRecord(relCounts) } : null,
  };
}

/**
 * Node counts per label and relationship counts per type for this dataset, as the transaction
 * sees it. Label scans (not an all-node scan) over our three labels; the relationship count
 * expands every relationship of ours. Cost: O(nodes + relationships) of the dataset.
 */
export async function datasetCounts(tx: Tx): Promise<LoadCounts> {
  const nodes: Record<string, number> = {};
  const relationships: Record<string, number> = {};
  const where = `(n:${OUR_LABELS.join('|')}) WHERE n.dataset = $dataset`;
  const n = await tx.run(`MATCH ${where} UNWIND labels(n) AS label RETURN label, count(*) AS c ORDER BY label`, {
    dataset: DATASET,
  });
  for (const r of n.records) nodes[r.get('label') as string] = Number(r.get('c'));
  const rel = await tx.run(`MATCH ${where} MATCH (n)-[r]->() RETURN type(r) AS t, count(*) AS c ORDER BY t`, {
    dataset: DATASET,
  });
  for (const r of rel.records) relationships[r.get('t') as string] = Number(r.get('c'));
  return { nodes, relationships };
}

/**
 * writeSeed, then the dataset's counts: from what was written in create mode, from a count
 * query in merge mode. What seedDatabase (and the benchmark) run inside the one transaction.
 */
export async function writeAndCount(
  tx: Tx,
  d: SeedData,
  opts: WriteOptions,
): Promise<{ mode: WriteResult['mode']; counts: LoadCounts }> {
  const w = await writeSeed(tx, d, opts);
  return { mode: w.mode, counts: w.counts ?? (await datasetCounts(tx)) };
}
