import type { Node, Relationship } from 'neo4j-driver';
import type { Claim, Evidence, NodeDetailResponse } from '../../../shared/api/nodes';
import { notFound } from '../../http/errors';
import { num, numOrNull, strOrNull } from '../../db/convert';
import { nodeKey, toGraphNode, toNodeRef } from '../../db/graph';
import { articleProjection, articleRef } from '../../db/article-ref';
import { matchNode } from '../../db/node-ref';
import { quoteType, refreshRelationshipTypes, relationshipTypes } from '../../db/rel-types';
import { int, readQuery, type Db } from '../../db/runner';
import { withReported } from './as-of';

const EVIDENCE_CAP = 300;
const CLAIMS_CAP = 100;
const MENTIONS_CAP = 200;

// Provenance on relationships: lists (evidence_*) when present, else the primary article/quote.
// MENTIONS carry a surface form, not evidence of a fact, so they are listed separately.
// Provenance on relationships: lists (evidence_*) when present, else the primary article/quote.
// MENTIONS carry a surface form, not evidence of a fact, so they are listed separately. Every
// list is cut to its cap before any lookup joins onto it, and the degrees come from the degree
// store (types written into the query, see rel-types.ts), so the cost follows the answer.
const detailCypher = (match: string, types: string[]) => {
  const evidenceTypes = types.filter((t) => t !== 'MENTIONS');
  return `
${match}
WITH n LIMIT 1
WITH n, [${types.map((t) => `[COUNT { (n)-[:${quoteType(t)}]->() }, COUNT { (n)<-[:${quoteType(t)}]-() }]`).join(', ')}] AS degrees,
  COUNT { (n)--() } AS degree
CALL (n) {
  ${
    evidenceTypes.length
      ? `OPTIONAL MATCH (n)-[r:${evidenceTypes.map(quoteType).join('|')}]-(m)
  WHERE r.evidence_quotes IS :: LIST<STRING NOT NULL> NOT NULL OR r.quote IS :: STRING NOT NULL`
      : 'WITH null AS r, null AS m'
  }
  // Each property read once (a property read is a database hit; the CASE would repeat them).
  WITH r, m, r.evidence_quotes AS qs, r.evidence_articles AS arts, r.evidence_starts AS ss, r.evidence_ends AS es
  WITH r, m, CASE
    WHEN r IS NULL THEN []
    WHEN qs IS :: LIST<STRING NOT NULL> NOT NULL AND size(qs) > 0 AND arts IS :: LIST<ANY> NOT NULL
      THEN [i IN range(0, size(qs) - 1) |
            {article: arts[i], quote: qs[i],
             start: CASE WHEN ss IS :: LIST<ANY> NOT NULL THEN ss[i] END,
             end: CASE WHEN es IS :: LIST<ANY> NOT NULL THEN es[i] END}]
    ELSE [{article: r.article, quote: r.quote, start: r.start, end: r.end}] END AS evs
  UNWIND evs AS ev
  WITH r, m, ev LIMIT $evidenceCap
  OPTIONAL MATCH (a:Article {id: ev.article})
  WITH r, m, ev, head(collect(a)) AS a
  // Only what the answer shows of r and a: their other properties are not read at all.
  RETURN collect({
    r: {elementId: elementId(r), type: type(r), startNodeElementId: elementId(startNode(r))}, m: m, ev: ev,
    a: CASE WHEN a IS NULL THEN null ELSE {elementId: elementId(a), properties: ${articleProjection('a')}} END
  }) AS evidence
}
CALL (n) {
  OPTIONAL MATCH (a:Article)-[mm:MENTIONS]->(n)
  WITH a, mm LIMIT $mentionsCap
  WITH a, mm ORDER BY a.published
  RETURN collect({a: CASE WHEN a IS NULL THEN null ELSE {elementId: elementId(a), properties: ${articleProjection('a')}} END, count: mm.count, first: mm.first_offset}) AS mentions
}
CALL (n) {
  CALL (n) {
    MATCH (n)-[:MADE]->(c:Claim) WITH c LIMIT $claimsCap RETURN c, 'made' AS rel ORDER BY c.date, c.id
    UNION
    MATCH (c:Claim)-[:ABOUT]->(n) WITH c LIMIT $claimsCap RETURN c, 'about' AS rel ORDER BY c.date, c.id
    UNION
    WITH n WHERE n:Claim RETURN n AS c, 'self' AS rel
  }
  CALL (c) { OPTIONAL MATCH (who)-[:MADE]->(c) RETURN who LIMIT 1 }
  CALL (c) { OPTIONAL MATCH (c)-[:ABOUT]->(e) WITH e LIMIT 20 RETURN collect(e) AS about }
  CALL (c) {
    OPTIONAL MATCH (c)-[:CONTRADICTS]-(o:Claim)
    WITH o LIMIT 20
    OPTIONAL MATCH (ow)-[:MADE]->(o)
    WITH o, head(collect(ow)) AS ow WHERE o IS NOT NULL
    RETURN collect({c: o, who: ow}) AS contra
  }
  CALL (c) {
    OPTIONAL MATCH (a:Article {id: c.article})
    RETURN CASE WHEN a IS NULL THEN null ELSE {elementId: elementId(a), properties: ${articleProjection('a')}} END AS a LIMIT 1
  }
  RETURN collect({c: c, rel: rel, who: who, about: about, contra: contra, a: a}) AS claims
}
RETURN n, degrees, degree, evidence, mentions, claims`;
};

interface ClaimRow {
  c: Node;
  rel: string;
  who: Node | null;
  about: Node[];
  contra: { c: Node; who: Node | null }[];
  a: Pick<Node, 'elementId' | 'properties'> | null;
}

function toClaim(row: ClaimRow): Claim {
  const p = row.c.properties as Record<string, unknown>;
  return {
    id: row.c.elementId,
    key: nodeKey(p),
    statement: strOrNull(p.statement),
    stance: strOrNull(p.stance),
    status: strOrNull(p.status),
    date: strOrNull(p.date),
    claimant: row.who ? toNodeRef(row.who) : null,
    about: row.about.map(toNodeRef),
    quote: strOrNull(p.quote),
    article: p.article != null || row.a ? articleRef(row.a, p.article) : null,
    contradicts: row.contra.map((o) => {
      const op = o.c.properties as Record<string, unknown>;
      return {
        id: o.c.elementId,
        key: nodeKey(op),
        statement: strOrNull(op.statement),
        status: strOrNull(op.status),
        claimant: o.who ? toNodeRef(o.who) : null,
      };
    }),
  };
}

async function detailRecord(db: Db, address: string, types: string[]) {
  const r = await readQuery(db, detailCypher(matchNode('n', 'id', address), types), {
    id: address,
    evidenceCap: int(EVIDENCE_CAP + 1),
    mentionsCap: int(MENTIONS_CAP),
    claimsCap: int(CLAIMS_CAP),
  });
  const rec = r.records[0];
  if (!rec) throw notFound(`No node with id "${address}"`);
  return rec;
}

/**
 * Everything the detail panel shows about one node, in one round trip (two when a relationship
 * type appeared since the type list was read). Cost: two degree-store lookups per relationship
 * type, then O(cap) for evidence, mentions and claims: each list is cut before its lookups. With
 * more mentions or claims than the cap, which ones are shown is store order, sorted afterwards.
 * With `asReportedBy`, only what articles published by then gave (as-of.ts).
 */
export async function nodeDetail(db: Db, address: string, asReportedBy?: string): Promise<NodeDetailResponse> {
  let types = await relationshipTypes(db);
  let rec = await detailRecord(db, address, types);
  // A type the list lacks: re-read the list once and ask again.
  const counted = (rec.get('degrees') as unknown[][]).reduce<number>((s, [o, i]) => s + num(o) + num(i), 0);
  if (counted !== num(rec.get('degree'))) {
    types = await refreshRelationshipTypes(db);
    rec = await detailRecord(db, address, types);
  }
  const n = rec.get('n') as Node;

  const byType: { type: string; out: number; in: number }[] = [];
  let total = 0;
  (rec.get('degrees') as [unknown, unknown][]).forEach(([o, i], k) => {
    const out = num(o);
    const inc = num(i);
    if (out + inc > 0) byType.push({ type: types[k]!, out, in: inc });
    total += out + inc;
  });

  const rawEvidence = rec.get('evidence') as {
    r: Pick<Relationship, 'elementId' | 'type' | 'startNodeElementId'>;
    m: Node;
    ev: Record<string, unknown>;
    a: Pick<Node, 'elementId' | 'properties'> | null;
  }[];
  const evidence: Evidence[] = rawEvidence
    .filter((x) => typeof x.ev.quote === 'string')
    .slice(0, EVIDENCE_CAP)
    .map((x) => ({
      relationship: {
        id: x.r.elementId,
        type: x.r.type,
        direction: x.r.startNodeElementId === n.elementId ? 'out' : 'in',
        other: toNodeRef(x.m),
      },
      article: articleRef(x.a, x.ev.article),
      quote: x.ev.quote as string,
      start: numOrNull(x.ev.start),
      end: numOrNull(x.ev.end),
    }));

  const claimRows = rec.get('claims') as ClaimRow[];
  const self = claimRows.find((c) => c.rel === 'self');
  const nodeProps = n.properties as Record<string, unknown>;
  if (typeof nodeProps.quote === 'string') {
    evidence.unshift({
      relationship: null,
      article: articleRef(self?.a ?? null, nodeProps.article),
      quote: nodeProps.quote,
      start: numOrNull(nodeProps.start),
      end: numOrNull(nodeProps.end),
    });
  }

  const detail: NodeDetailResponse = {
    node: toGraphNode(n, true), // whole values: list payloads cut long strings, the detail shows them
    degree: {
      total,
      byType: byType.sort((a, b) => b.out + b.in - (a.out + a.in) || a.type.localeCompare(b.type)),
    },
    evidence,
    evidenceTruncated: rawEvidence.length > EVIDENCE_CAP,
    mentions: (
      rec.get('mentions') as { a: Pick<Node, 'elementId' | 'properties'> | null; count: unknown; first: unknown }[]
    )
      .filter((m) => m.a)
      .map((m) => ({
        article: articleRef(m.a, (m.a!.properties as Record<string, unknown>).id),
        count: numOrNull(m.count),
        firstOffset: numOrNull(m.first),
      })),
    claim: self ? toClaim(self) : null,
    claimsMade: claimRows.filter((c) => c.rel === 'made').map(toClaim),
    claimsAbout: claimRows.filter((c) => c.rel === 'about').map(toClaim),
  };
  return withReported(db, detail, nodeProps, asReportedBy);
}
