/**
 * What ingest reads from the live graph before staging: the gazetteer (names and aliases of the
 * graph's people, organizations, places and weapons) and whether an article with the same text
 * is already in it. Read-only, bounded queries; usable from the CLI and the server alike.
 */
import neo4j, { type Driver } from 'neo4j-driver';
import type { GazetteerEntry } from '../extract/types';

export interface GraphDb {
  driver: Driver;
  database: string;
}

/** Most entities read in full; a larger graph is pre-filtered through its full-text index. */
export const GAZETTEER_CAP = 20_000;
/** Most entities the full-text pre-filter returns for one article. */
const PREFILTER_CAP = 5_000;

const MAP = `{ id: n.id, labels: [l IN labels(n) WHERE l <> 'Entity'], name: n.name, aliases: n.aliases,
  kind: n.kind, country: n.country, capitalOf: [(n)-[:CAPITAL_OF]->(c) WHERE c.id IS NOT NULL | c.id][0] }`;
const WANTED = '(n:Person OR n:Organization OR n:Place OR n:Weapon) AND n.id IS NOT NULL AND n.name IS NOT NULL';

const ALL_CYPHER = `
CALL () { MATCH (n:Entity) RETURN count(n) AS total }
CALL () {
  MATCH (n:Entity) WHERE ${WANTED}
  WITH n LIMIT $cap
  RETURN collect(${MAP}) AS entries
}
RETURN total, entries`;

const PREFILTER_CYPHER = `
CALL db.index.fulltext.queryNodes('entity_names', $q) YIELD node AS n
WITH n WHERE ${WANTED}
WITH n LIMIT $cap
RETURN collect(${MAP}) AS entries`;

type Raw = Record<string, unknown>;
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

function toEntry(r: Raw): GazetteerEntry {
  return {
    id: String(r.id),
    labels: strings(r.labels),
    name: String(r.name),
    aliases: strings(r.aliases),
    kind: str(r.kind),
    country: str(r.country),
    capitalOf: str(r.capitalOf),
  };
}

/** Words of a text worth looking up: capitalised tokens and weapon-like codes, Lucene-escaped, deduplicated. */
export function lookupTerms(text: string, max = 400): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(/\b[\p{Lu}][\p{L}\p{N}'’-]{1,}|\b[\p{L}]+-\d+[\p{L}]*/gu)) {
    out.add(m[0].replace(/['’]s$/u, '').replace(/[+\-&|!(){}[\]^"~*?:\\/]/g, '\\$&'));
    if (out.size >= max) break;
  }
  return [...out];
}

/**
 * The gazetteer from the live graph in one bounded query: every person, organization, place and
 * weapon with aliases, kind, country and the country a capital is the capital of. When the graph
 * holds more entities than GAZETTEER_CAP and `text` is given, only the entities the article's
 * capitalised words find in the full-text index are read instead (a second bounded query).
 * Cost: one query reading ≤ GAZETTEER_CAP entities (~10 ms for hundreds).
 */
export async function graphGazetteer(
  db: GraphDb,
  text?: string,
): Promise<{ entries: GazetteerEntry[]; total: number; prefiltered: boolean }> {
  const session = db.driver.session({ database: db.database, defaultAccessMode: neo4j.session.READ });
  try {
    const r = await session.run(ALL_CYPHER, { cap: neo4j.int(GAZETTEER_CAP) }, { timeout: 30_000 });
    const total = Number(r.records[0]?.get('total') ?? 0);
    const entries = ((r.records[0]?.get('entries') as Raw[] | undefined) ?? []).map(toEntry);
    if (total <= GAZETTEER_CAP || !text) return { entries, total, prefiltered: false };
    const terms = lookupTerms(text);
    if (!terms.length) return { entries: [], total, prefiltered: true };
    const f = await session.run(
      PREFILTER_CYPHER,
      { q: terms.join(' OR '), cap: neo4j.int(PREFILTER_CAP) },
      { timeout: 30_000 },
    );
    return {
      entries: ((f.records[0]?.get('entries') as Raw[] | undefined) ?? []).map(toEntry),
      total,
      prefiltered: true,
    };
  } finally {
    await session.close();
  }
}

/** Which of these ids no graph entity has (a judgement about one would never apply). Cost: one index seek per id. */
export async function missingEntities(db: GraphDb, ids: readonly string[]): Promise<string[]> {
  const r = await db.driver.executeQuery(
    'UNWIND $ids AS id OPTIONAL MATCH (e:Entity {id: id}) WITH id, e WHERE e IS NULL RETURN id',
    { ids: [...new Set(ids)] },
    { database: db.database, routing: neo4j.routing.READ },
  );
  return r.records.map((x) => x.get('id') as string);
}

/** The id of a graph Article with this exact text (same sha256), or null. Cost: one index seek (article_sha256). */
export async function articleWithText(db: GraphDb, sha256: string): Promise<string | null> {
  const r = await db.driver.executeQuery(
    'MATCH (a:Article) WHERE a.sha256 = $sha RETURN coalesce(a.id, elementId(a)) AS id LIMIT 1',
    { sha: sha256 },
    { database: db.database, routing: neo4j.routing.READ },
  );
  return (r.records[0]?.get('id') as string | undefined) ?? null;
}

/** What a new article is known by, to find it among the graph's Articles. */
export interface ArticleProbe {
  sha256: string;
  /** Its identity key (src/dataset/text-key.ts). */
  key: string;
  url?: string;
  title?: string;
  outlet?: string;
  /** YYYY-MM-DD. */
  published?: string;
}

/** A graph Article a new one is the same as, and by what: its text, its URL, or title + outlet + date. */
export interface GraphArticle {
  id: string;
  title: string | null;
  outlet: string | null;
  published: string | null;
  by: 'text' | 'url' | 'meta';
}

// Each branch is one index seek (cypher/schema.cypher: article_text_key, article_sha256, article_url,
// article_published); the title and outlet are then compared on the few Articles of that day. The
// outlet matches the Article's outlet name or id, or a name of the organization it is PUBLISHED_BY.
export const SAME_ARTICLE_CYPHER = `
CALL () {
  MATCH (a:Article {text_key: $key}) RETURN a, 0 AS rank
  UNION
  MATCH (a:Article {sha256: $sha}) RETURN a, 0 AS rank
  UNION
  MATCH (a:Article {url: $url}) RETURN a, 1 AS rank
  UNION
  MATCH (a:Article) WHERE a.published = date($published) AND toLower(a.title) = $title
    AND (toLower(a.outlet) = $outlet OR a.outlet_id = $outletId
         OR EXISTS { (a)-[:PUBLISHED_BY]->(o) WHERE toLower(o.name) = $outlet
                     OR any(x IN coalesce(o.aliases, []) WHERE toLower(x) = $outlet) })
  RETURN a, 2 AS rank
}
WITH a, rank ORDER BY rank LIMIT 1
RETURN coalesce(a.id, elementId(a)) AS id, a.title AS title, a.outlet AS outlet,
       toString(a.published) AS published, rank`;

const lowerKey = (s: string | undefined) => (s ? s.normalize('NFC').replace(/\s+/gu, ' ').trim().toLowerCase() : null);

/**
 * The graph Article a new article is (the same text but for spacing, line ends and Unicode form;
 * the same URL; or the same title, outlet and publication date), or null. Read-only, one statement
 * of four index seeks whatever the number of Articles.
 */
export async function sameArticleInGraph(db: GraphDb, p: ArticleProbe): Promise<GraphArticle | null> {
  const outlet = lowerKey(p.outlet);
  const full = p.title && outlet && p.published && /^\d{4}-\d{2}-\d{2}$/.test(p.published);
  const r = await db.driver.executeQuery(
    SAME_ARTICLE_CYPHER,
    {
      key: p.key,
      sha: p.sha256,
      url: p.url?.trim() || null,
      // Without all three, the last branch matches nothing (a null date).
      published: full ? p.published : null,
      title: lowerKey(p.title),
      outlet,
      outletId: outlet ? outlet.replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') : null,
    },
    { database: db.database, routing: neo4j.routing.READ },
  );
  const rec = r.records[0];
  if (!rec) return null;
  const str = (k: string) => (rec.get(k) as string | null) ?? null;
  return {
    id: rec.get('id') as string,
    title: str('title'),
    outlet: str('outlet'),
    published: str('published'),
    by: (['text', 'url', 'meta'] as const)[Number(rec.get('rank'))]!,
  };
}

/**
 * Whether the connected database was set up by newsgraph (its id constraint and name index
 * exist). Ingest writes are refused otherwise: the app never writes to a database it did not
 * seed, and accepting into a foreign graph would mix our shapes into someone else's model.
 */
export async function newsgraphSchemaProblem(db: GraphDb): Promise<string | null> {
  // A uniqueness constraint owns an index of the same name, so one SHOW INDEXES sees both.
  const r = await db.driver.executeQuery(
    "SHOW INDEXES YIELD name WHERE name IN ['entity_id', 'entity_names'] RETURN collect(name) AS names",
    {},
    { database: db.database, routing: neo4j.routing.READ },
  );
  return schemaProblemOf(db.database, (r.records[0]?.get('names') as string[] | undefined) ?? []);
}

/**
 * The refusal for a database whose index names (SHOW INDEXES) lack newsgraph's schema, or null.
 * Also said before anyone tries: the schema route reports it so the explorer disables Add article.
 */
export function schemaProblemOf(database: string, indexNames: readonly string[]): string | null {
  const c = indexNames.includes('entity_id');
  const i = indexNames.includes('entity_names');
  if (c && i) return null;
  const missing = [c ? null : 'the entity_id constraint', i ? null : 'the entity_names full-text index'].filter(
    Boolean,
  );
  return (
    `The connected database ${database} has no newsgraph schema (${missing.join(' and ')} missing), so ` +
    'ingest will not write to it: newsgraph only writes to a database it set up. Seed one with `npm run seed` ' +
    '(or apply cypher/schema.cypher) to review articles into it.'
  );
}
