/**
 * Corroboration counts after a merge of organizations, or its undo: a relationship's `outlets`
 * (distinct named outlets of its articles) and `unnamed_outlets` (its articles of unknown outlet)
 * depend on which organization each article's `outlet_id` names and whether that one is a
 * placeholder. A merge that rewrites articles' `outlet_id` (a placeholder folded into the real
 * outlet, or two outlets found to be one) changes them for every relationship those articles are
 * evidence for; they are counted again by provenance()'s rule (outletsOf), in the same transaction.
 */
import neo4j, { isInt, type ManagedTransaction } from 'neo4j-driver';
import { outletsOf } from '../../../ingest/review/values';
import { toJson } from '../../db/convert';

/**
 * Relationship types that never carry provenance counts (a mention's quote is not evidence): a
 * large graph's most numerous type, left out of the scan.
 */
const UNCOUNTED_TYPES = ['MENTIONS'];

/** The properties recountOutlets writes. */
export const COUNT_KEYS = ['outlets', 'unnamed_outlets'] as const;

const quoted = (name: string) => `\`${name.replace(/`/g, '``')}\``;

/**
 * Counts `outlets` and `unnamed_outlets` again on the relationships of `dataset` (both ends ours
 * and in it) that have counts and cite one of `articles`, and writes those that changed. Returns
 * their element ids. Nothing is read when `articles` is empty (a merge of anything but outlets).
 * Cost: one type scan per relationship type with a property filter, as the merge's reference
 * rewrite (references.ts), then one seek per changed relationship: it reads every relationship
 * but MENTIONS (some 1,900 database hits on the seeded graph for one article's 80), not only
 * those the articles are evidence for. No cheaper route finds them all, so the scan stays:
 * - From the Article node: a relationship's ends need not be near the article it cites. Events
 *   are seldom mentioned by name, and an accept may link any two entities of the graph with a
 *   quote of the new article (apply.ts), so on the seeded graph 7 (relationship, article) pairs
 *   (CAUSED_BY, ATTRIBUTED_TO, HIT…) have neither end the article, an entity it MENTIONS, a claim
 *   it REPORTS, nor a neighbour of such a claim.
 * - From an index: `x IN r.evidence_articles` is not backed by a range index on the list (Neo4j 5
 *   plans a type scan and a filter; only equality of the whole list seeks), and one on `r.article`
 *   sees the first article only (29 pairs of the seed's 539 cite another).
 */
export async function recountOutlets(
  tx: ManagedTransaction,
  dataset: unknown,
  articles: readonly string[],
): Promise<string[]> {
  if (articles.length === 0) return [];
  const types = (await tx.run('CALL db.relationshipTypes() YIELD relationshipType AS t RETURN t')).records
    .map((r) => r.get('t') as string)
    .filter((t) => !UNCOUNTED_TYPES.includes(t));
  if (types.length === 0) return [];
  const scans = types
    .map(
      (t) => `MATCH ()-[r:${quoted(t)}]->() WHERE r.outlets IS NOT NULL
         AND any(x IN coalesce(r.evidence_articles, [r.article]) WHERE x IN $articles) RETURN r`,
    )
    .join('\n       UNION ALL\n       ');
  const found = await tx.run(
    `CALL () {
       ${scans}
     }
     WITH r, startNode(r) AS a, endNode(r) AS b
     WHERE a:Entity|Article|Claim AND b:Entity|Article|Claim AND a.dataset = $dataset AND b.dataset = $dataset
     RETURN elementId(r) AS id, properties(r) AS p`,
    { articles: [...new Set(articles)], dataset },
  );
  const rels = found.records.map((r) => {
    const p = r.get('p') as Record<string, unknown>;
    const cited = Array.isArray(p.evidence_articles) ? p.evidence_articles : [p.article];
    return { id: r.get('id') as string, p, cited: [...new Set(cited.filter((a) => typeof a === 'string'))] };
  });
  const outlets = await outletsOf(
    tx,
    rels.flatMap((r) => r.cited),
  );
  const changed: { id: string; outlets: unknown; unnamed: unknown }[] = [];
  for (const r of rels) {
    const named = new Set<string>();
    let unnamed = 0;
    for (const a of r.cited) {
      const o = outlets.get(a) ?? null;
      if (o === null) unnamed++;
      else named.add(o);
    }
    if (Number(toJson(r.p.outlets)) === named.size && Number(toJson(r.p.unnamed_outlets)) === unnamed) continue;
    // In the type the counts are stored as (the seed's are floats, JSON numbers), so a recount
    // changes values only.
    const as = (n: number) => (isInt(r.p.outlets) ? neo4j.int(n) : n);
    changed.push({ id: r.id, outlets: as(named.size), unnamed: as(unnamed) });
  }
  if (changed.length)
    await tx.run(
      `UNWIND $changed AS c
       MATCH ()-[r]->() WHERE elementId(r) = c.id
       SET r.outlets = c.outlets, r.unnamed_outlets = c.unnamed`,
      { changed },
    );
  return changed.map((c) => c.id);
}

/** The articles whose `outlet_id` a merge rewrote (references.ts): whose outlet may have changed. */
export const articlesOfOutlet = (refs: readonly { on: string; key: string | null; property: string }[]) => [
  ...new Set(
    refs.filter((x) => x.on === 'node' && x.property === 'outlet_id' && x.key !== null).map((x) => x.key as string),
  ),
];
