import { readFileSync } from 'node:fs';
import type { Driver, ManagedTransaction, Transaction } from 'neo4j-driver';
import type { EntityRecord, SeedData } from './read';
import type { Evidence } from './schema';

/** Every node this loader writes carries `dataset`, so `--reset` removes exactly ours. */
export const DATASET = 'belgorod';
const BATCH = 5_000;
const DATE_FIELDS = ['date', 'date_from', 'date_to', 'published'] as const;

export interface LoadCounts {
  nodes: Record<string, number>;
  relationships: Record<string, number>;
}

/** Runs cypher/schema.cypher (idempotent DDL); schema changes cannot share the data transaction. */
export async function applySchema(driver: Driver, database: string, schemaFile: string): Promise<number> {
  const statements = readFileSync(schemaFile, 'utf8')
    .split('\n')
    .filter((l) => !l.trim().startsWith('//'))
    .join('\n')
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const s of statements) await driver.executeQuery(s, {}, { database });
  await driver.executeQuery('CALL db.awaitIndexes(60)', {}, { database });
  return statements.length;
}

type Row = Record<string, unknown>;

/** Splits user fields into plain properties and dates (converted with Cypher's date()). */
function nodeRow(data: Record<string, unknown>, exclude: string[] = []): Row {
  const props: Row = { dataset: DATASET };
  const dates: Row = {};
  let lat: number | null = null;
  let lon: number | null = null;
  for (const [k, v] of Object.entries(data)) {
    if (exclude.includes(k) || v === undefined) continue;
    if ((DATE_FIELDS as readonly string[]).includes(k)) dates[k] = v;
    else if (k === 'location' && v && typeof v === 'object') ({ lat, lon } = v as { lat: number; lon: number });
    else props[k] = v;
  }
  return { id: data.id, props, date: dates.date ?? null, date_from: dates.date_from ?? null, date_to: dates.date_to ?? null, published: dates.published ?? null, lat, lon };
}

const SET_DATES = `
  SET n = row.props,
      n.date = date(row.date), n.date_from = date(row.date_from), n.date_to = date(row.date_to),
      n.published = date(row.published),
      n.location = CASE WHEN row.lat IS NULL THEN null ELSE point({latitude: row.lat, longitude: row.lon}) END`;

/** Provenance properties: the first quote as article/quote/start/end, all of them as lists. */
function provenance(evidence: Evidence[], outletOf: Map<string, string>): Row {
  const first = evidence[0]!;
  const articles = evidence.map((e) => e.article);
  return {
    article: first.article,
    quote: first.quote,
    start: first.start,
    end: first.end,
    evidence_articles: articles,
    evidence_quotes: evidence.map((e) => e.quote),
    evidence_starts: evidence.map((e) => e.start),
    evidence_ends: evidence.map((e) => e.end),
    sources: new Set(articles).size,
    outlets: new Set(articles.map((a) => outletOf.get(a) ?? a)).size,
  };
}

async function unwind(tx: Transaction | ManagedTransaction, cypher: string, rows: Row[]): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) await tx.run(cypher, { rows: rows.slice(i, i + BATCH), dataset: DATASET });
}

/**
 * Writes the whole dataset inside the caller's transaction (MERGE on ids, so a second run
 * leaves identical counts). Labels and relationship types are interpolated only after the
 * validator has checked them against the vocabulary; all values travel as parameters.
 */
export async function writeSeed(tx: Transaction, d: SeedData, opts: { reset: boolean }): Promise<void> {
  if (opts.reset) await tx.run('MATCH (n {dataset: $dataset}) DETACH DELETE n', { dataset: DATASET });

  const outletOf = new Map(d.articles.map((a) => [a.id, a.outlet]));
  const labelOf = new Map<string, string>();
  for (const a of d.articles) labelOf.set(a.id, 'Article');
  for (const e of d.entities) labelOf.set(e.data.id, 'Entity');

  // Nodes.
  const nameOf = new Map(d.entities.map((e) => [e.data.id, e.data.name]));
  await unwind(
    tx,
    `UNWIND $rows AS row MERGE (n:Article {id: row.id}) ${SET_DATES}`,
    d.articles.map((a) => {
      const row = nodeRow(a as unknown as Record<string, unknown>);
      // Readable names on the node itself (what a reader wants to see); ids kept beside them.
      Object.assign(row.props as Row, {
        outlet: nameOf.get(a.outlet) ?? a.outlet,
        outlet_id: a.outlet,
        authors: a.authors.map((p) => nameOf.get(p) ?? p),
        author_ids: a.authors,
      });
      return row;
    }),
  );
  const byLabel = new Map<string, EntityRecord[]>();
  // Append in place: copying the list on every record made grouping O(n²) (minutes at 100k+ rows; bench/).
  for (const e of d.entities) (byLabel.get(e.label) ?? byLabel.set(e.label, []).get(e.label)!).push(e);
  for (const [label, records] of byLabel) {
    await unwind(tx, `UNWIND $rows AS row MERGE (n:Entity {id: row.id}) ${SET_DATES} SET n:${label}`, records.map((e) => nodeRow(e.data)));
  }
  await unwind(
    tx,
    `UNWIND $rows AS row MERGE (n:Claim {id: row.id}) ${SET_DATES}`,
    d.claims.map((c) => {
      const row = nodeRow(c as unknown as Record<string, unknown>, ['evidence', 'about', 'contradicts', 'claimant']);
      // A readable caption wherever a claim is drawn: who said it, and the gist.
      const gist = c.statement.length > 72 ? `${c.statement.slice(0, 71).trimEnd()}…` : c.statement;
      Object.assign(row.props as Row, provenance([c.evidence], outletOf), { claimant: c.claimant, name: `${nameOf.get(c.claimant) ?? c.claimant}: ${gist}` });
      return row;
    }),
  );

  // Claims' links: who made it, what it is about, which article reports it, what it contradicts.
  const claimRows = d.claims.map((c) => ({ id: c.id, claimant: c.claimant, about: c.about, article: c.evidence.article, prov: provenance([c.evidence], outletOf) }));
  await unwind(
    tx,
    `UNWIND $rows AS row
     MATCH (c:Claim {id: row.id}), (who:Entity {id: row.claimant}), (a:Article {id: row.article})
     MERGE (who)-[m:MADE]->(c) SET m = row.prov
     MERGE (a)-[r:REPORTS]->(c) SET r = row.prov
     WITH c, row UNWIND row.about AS eventId
     MATCH (e:Event {id: eventId})
     MERGE (c)-[ab:ABOUT]->(e) SET ab = row.prov`,
    claimRows,
  );
  const claimById = new Map(d.claims.map((c) => [c.id, c]));
  const pairs = new Map<string, Row>();
  for (const c of d.claims) {
    for (const other of c.contradicts) {
      const key = [c.id, other].sort().join('|');
      if (pairs.has(key)) continue;
      const o = claimById.get(other)!;
      pairs.set(key, { from: c.id, to: other, prov: provenance([c.evidence, o.evidence], outletOf) });
    }
  }
  await unwind(
    tx,
    `UNWIND $rows AS row MATCH (a:Claim {id: row.from}), (b:Claim {id: row.to})
     MERGE (a)-[r:CONTRADICTS]->(b) SET r = row.prov`,
    [...pairs.values()],
  );

  // Entity/article relationships, one statement per (type, start label, end label).
  const groups = new Map<string, Row[]>();
  for (const r of d.relationships) {
    const key = `${r.type}|${labelOf.get(r.from)}|${labelOf.get(r.to)}`;
    const props = { ...r.properties, ...provenance(r.evidence, outletOf) };
    (groups.get(key) ?? groups.set(key, []).get(key)!).push({ from: r.from, to: r.to, props }); // in place: O(n), see above
  }
  for (const [key, rows] of groups) {
    const [type, fromLabel, toLabel] = key.split('|');
    await unwind(
      tx,
      `UNWIND $rows AS row MATCH (a:${fromLabel} {id: row.from}), (b:${toLabel} {id: row.to})
       MERGE (a)-[r:${type}]->(b) SET r = row.props`,
      rows,
    );
  }

  await unwind(
    tx,
    `UNWIND $rows AS row MATCH (a:Article {id: row.article}), (e:Entity {id: row.entity})
     MERGE (a)-[m:MENTIONS]->(e) SET m = row.props`,
    d.mentions.map((m) => ({
      article: m.article,
      entity: m.entity,
      props: { count: m.count, first_offset: m.first_offset, article: m.article, quote: m.quote, start: m.first_offset, end: m.first_offset + m.quote.length },
    })),
  );
}

/** Node counts per label and relationship counts per type for this dataset. */
export async function datasetCounts(tx: Transaction | ManagedTransaction): Promise<LoadCounts> {
  const nodes: Record<string, number> = {};
  const relationships: Record<string, number> = {};
  const n = await tx.run('MATCH (n {dataset: $dataset}) UNWIND labels(n) AS label RETURN label, count(*) AS c ORDER BY label', { dataset: DATASET });
  for (const r of n.records) nodes[r.get('label') as string] = (r.get('c') as { toNumber(): number }).toNumber();
  const rel = await tx.run('MATCH (n {dataset: $dataset})-[r]->() RETURN type(r) AS t, count(*) AS c ORDER BY t', { dataset: DATASET });
  for (const r of rel.records) relationships[r.get('t') as string] = (r.get('c') as { toNumber(): number }).toNumber();
  return { nodes, relationships };
}
