import type { Node, Relationship } from 'neo4j-driver';
import type { RelationshipDetailResponse, RelationshipEvidence } from '../../../shared/api/relationships';
import { articleRef } from '../../db/article-ref';
import { numOrNull } from '../../db/convert';
import { relationshipCaption, toGraphEdge, toNodeRef } from '../../db/graph';
import { int, readQuery, type Db } from '../../db/runner';
import { notFound } from '../../http/errors';

const EVIDENCE_CAP = 100;

// Provenance as the seed data writes it: evidence lists, else the primary article/quote. The
// article nodes are looked up by their ids (articles that are not in the graph keep their key).
const DETAIL = `
MATCH (a)-[r]->(b) WHERE elementId(r) = $id
WITH a, r, b LIMIT 1
WITH a, r, b, CASE
  WHEN r.evidence_quotes IS :: LIST<STRING NOT NULL> NOT NULL AND size(r.evidence_quotes) > 0
       AND r.evidence_articles IS :: LIST<ANY> NOT NULL
    THEN [i IN range(0, size(r.evidence_quotes) - 1) |
          {article: r.evidence_articles[i], quote: r.evidence_quotes[i],
           start: CASE WHEN r.evidence_starts IS :: LIST<ANY> NOT NULL THEN r.evidence_starts[i] END,
           end: CASE WHEN r.evidence_ends IS :: LIST<ANY> NOT NULL THEN r.evidence_ends[i] END}]
  WHEN r.quote IS :: STRING NOT NULL THEN [{article: r.article, quote: r.quote, start: r.start, end: r.end}]
  ELSE [] END[..$cap] AS evs
CALL (evs) {
  UNWIND evs AS ev
  OPTIONAL MATCH (art:Article {id: ev.article})
  WITH ev, head(collect(art)) AS art
  RETURN collect({ev: ev, art: art}) AS evidence
}
RETURN a, r, b, evidence`;

/** One relationship with both ends and its quotes. Cost: one round trip (an element-id seek, ≤ 100 article lookups). */
export async function relationshipDetail(db: Db, id: string): Promise<RelationshipDetailResponse> {
  const r = await readQuery(db, DETAIL, { id, cap: int(EVIDENCE_CAP) });
  const rec = r.records[0];
  if (!rec) throw notFound(`No relationship with id "${id}"`);
  const rel = rec.get('r') as Relationship;
  const evidence: RelationshipEvidence[] = (rec.get('evidence') as { ev: Record<string, unknown>; art: Node | null }[])
    .filter((x) => typeof x.ev.quote === 'string')
    .map(({ ev, art }) => {
      return {
        article: articleRef(art, ev.article),
        quote: ev.quote as string,
        start: numOrNull(ev.start),
        end: numOrNull(ev.end),
      };
    });
  return {
    relationship: toGraphEdge(rel, true), // whole values: list payloads cut long strings, the detail shows them
    caption: relationshipCaption(rel),
    start: toNodeRef(rec.get('a') as Node),
    end: toNodeRef(rec.get('b') as Node),
    evidence,
  };
}
