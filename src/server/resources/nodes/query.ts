import type { Node, Relationship } from 'neo4j-driver';
import type {
  ArticleRef,
  Claim,
  Direction,
  Evidence,
  NeighboursQuery,
  NeighboursResponse,
  NodeDetailResponse,
} from '../../../shared/api/nodes';
import { notFound } from '../../http/errors';
import { num, numOrNull, strOrNull } from '../../db/convert';
import { GraphCollector, nodeKey, toGraphNode, toNodeRef } from '../../db/graph';
import { matchNode } from '../../db/node-ref';
import { int, readQuery, type Db } from '../../db/runner';

const EVIDENCE_CAP = 300;
const CLAIMS_CAP = 100;
const MENTIONS_CAP = 200;

// Provenance on relationships: lists (evidence_*) when present, else the primary article/quote.
// MENTIONS carry a surface form, not evidence of a fact, so they are listed separately.
const detailCypher = (match: string) => `
${match}
WITH n LIMIT 1
CALL (n) {
  OPTIONAL MATCH (n)-[r]-()
  WITH type(r) AS t, CASE WHEN r IS NULL THEN null WHEN startNode(r) = n THEN 'out' ELSE 'in' END AS dir, count(r) AS c
  RETURN collect({type: t, dir: dir, count: c}) AS degrees
}
CALL (n) {
  OPTIONAL MATCH (n)-[r]-(m)
  WHERE type(r) <> 'MENTIONS' AND (r.evidence_quotes IS :: LIST<STRING NOT NULL> NOT NULL OR r.quote IS :: STRING NOT NULL)
  WITH r, m, CASE
    WHEN r IS NULL THEN []
    WHEN r.evidence_quotes IS :: LIST<STRING NOT NULL> NOT NULL AND size(r.evidence_quotes) > 0 AND r.evidence_articles IS :: LIST<ANY> NOT NULL
      THEN [i IN range(0, size(r.evidence_quotes) - 1) |
            {article: r.evidence_articles[i], quote: r.evidence_quotes[i],
             start: CASE WHEN r.evidence_starts IS :: LIST<ANY> NOT NULL THEN r.evidence_starts[i] END,
             end: CASE WHEN r.evidence_ends IS :: LIST<ANY> NOT NULL THEN r.evidence_ends[i] END}]
    ELSE [{article: r.article, quote: r.quote, start: r.start, end: r.end}] END AS evs
  UNWIND evs AS ev
  WITH r, m, ev LIMIT $evidenceCap
  OPTIONAL MATCH (a:Article {id: ev.article})
  WITH r, m, ev, head(collect(a)) AS a
  RETURN collect({r: r, m: m, ev: ev, a: a}) AS evidence
}
CALL (n) {
  OPTIONAL MATCH (a:Article)-[mm:MENTIONS]->(n)
  WITH a, mm ORDER BY a.published LIMIT $mentionsCap
  RETURN collect({a: a, count: mm.count, first: mm.first_offset}) AS mentions
}
CALL (n) {
  CALL (n) {
    MATCH (n)-[:MADE]->(c:Claim) RETURN c, 'made' AS rel ORDER BY c.date, c.id LIMIT $claimsCap
    UNION
    MATCH (c:Claim)-[:ABOUT]->(n) RETURN c, 'about' AS rel ORDER BY c.date, c.id LIMIT $claimsCap
    UNION
    MATCH (c:Claim) WHERE c = n RETURN c, 'self' AS rel
  }
  CALL (c) { OPTIONAL MATCH (who)-[:MADE]->(c) RETURN who LIMIT 1 }
  CALL (c) { OPTIONAL MATCH (c)-[:ABOUT]->(e) RETURN collect(e)[..20] AS about }
  CALL (c) {
    OPTIONAL MATCH (c)-[:CONTRADICTS]-(o:Claim)
    OPTIONAL MATCH (ow)-[:MADE]->(o)
    WITH o, head(collect(ow)) AS ow WHERE o IS NOT NULL
    RETURN collect({c: o, who: ow})[..20] AS contra
  }
  CALL (c) { OPTIONAL MATCH (a:Article {id: c.article}) RETURN a LIMIT 1 }
  RETURN collect({c: c, rel: rel, who: who, about: about, contra: contra, a: a}) AS claims
}
RETURN n, degrees, evidence, mentions, claims`;

function articleRef(a: Node | null, key: unknown): ArticleRef {
  const p = (a?.properties ?? {}) as Record<string, unknown>;
  return {
    id: a?.elementId ?? null,
    key: strOrNull(key) ?? (a ? (nodeKey(p) ?? '') : ''),
    title: strOrNull(p.title),
    outlet: strOrNull(p.outlet),
    published: strOrNull(p.published),
  };
}

interface ClaimRow {
  c: Node;
  rel: string;
  who: Node | null;
  about: Node[];
  contra: { c: Node; who: Node | null }[];
  a: Node | null;
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

/**
 * Everything the detail panel shows about one node, in one round trip. Cost: O(degree) for the
 * degree and evidence scans; evidence, mentions and claims are capped.
 */
export async function nodeDetail(db: Db, address: string): Promise<NodeDetailResponse> {
  const r = await readQuery(db, detailCypher(matchNode('n', 'id', address)), {
    id: address,
    evidenceCap: int(EVIDENCE_CAP + 1),
    mentionsCap: int(MENTIONS_CAP),
    claimsCap: int(CLAIMS_CAP),
  });
  const rec = r.records[0];
  if (!rec) throw notFound(`No node with id "${address}"`);
  const n = rec.get('n') as Node;

  const byType = new Map<string, { type: string; out: number; in: number }>();
  let total = 0;
  for (const d of rec.get('degrees') as { type: string | null; dir: string | null; count: unknown }[]) {
    if (!d.type || !d.dir) continue;
    const e = byType.get(d.type) ?? { type: d.type, out: 0, in: 0 };
    const c = num(d.count);
    if (d.dir === 'out') e.out += c;
    else e.in += c;
    total += c;
    byType.set(d.type, e);
  }

  const rawEvidence = rec.get('evidence') as {
    r: Relationship;
    m: Node;
    ev: Record<string, unknown>;
    a: Node | null;
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

  return {
    node: toGraphNode(n),
    degree: {
      total,
      byType: [...byType.values()].sort((a, b) => b.out + b.in - (a.out + a.in) || a.type.localeCompare(b.type)),
    },
    evidence,
    evidenceTruncated: rawEvidence.length > EVIDENCE_CAP,
    mentions: (rec.get('mentions') as { a: Node | null; count: unknown; first: unknown }[])
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
}

// One fixed pattern per direction (no string building from input).
const PATTERN: Record<Direction, string> = {
  out: '(n)-[r]->(m)',
  in: '(n)<-[r]-(m)',
  both: '(n)-[r]-(m)',
};
const FILTER = `($types IS NULL OR type(r) IN $types) AND ($labels IS NULL OR any(l IN labels(m) WHERE l IN $labels))`;

const neighboursCypher = (match: string, dir: Direction) => `
${match}
WITH n LIMIT 1
CALL (n) {
  OPTIONAL MATCH ${PATTERN[dir]} WHERE ${FILTER}
  WITH type(r) AS t, count(r) AS c WHERE t IS NOT NULL
  RETURN collect({t: t, c: c}) AS totals
}
CALL (n) {
  OPTIONAL MATCH ${PATTERN[dir]} WHERE ${FILTER}
  WITH r, m, CASE WHEN m IS NULL THEN -1 ELSE COUNT { (m)--() } END AS deg
  ORDER BY deg DESC, elementId(r)
  LIMIT $upto
  WITH collect(CASE WHEN r IS NULL THEN null ELSE {r: r, m: m} END) AS rows
  RETURN rows[$skip..] AS page, [x IN rows[..$skip] | type(x.r)] AS before
}
RETURN n, totals, page, before`;

/**
 * One page of a node's neighbourhood: the cap and the paging happen in Cypher (top-k by the
 * neighbour's degree, so hubs surface first), and per type how many more remain.
 * Cost: O(degree) to count and rank; O(skip + limit) rows held; one round trip.
 */
export async function neighbours(db: Db, address: string, q: NeighboursQuery): Promise<NeighboursResponse> {
  const r = await readQuery(db, neighboursCypher(matchNode('n', 'id', address), q.direction), {
    id: address,
    types: q.types ?? null,
    labels: q.labels ?? null,
    skip: int(q.skip),
    upto: int(q.skip + q.limit),
  });
  const rec = r.records[0];
  if (!rec) throw notFound(`No node with id "${address}"`);
  const n = rec.get('n') as Node;
  const g = new GraphCollector();
  g.addNode(n);
  const page = (rec.get('page') as ({ r: Relationship; m: Node } | null)[]).filter(
    (x): x is { r: Relationship; m: Node } => !!x,
  );
  for (const { r: rel, m } of page) {
    g.addNode(m);
    g.addEdge(rel);
  }
  const byType: Record<string, number> = {};
  let total = 0;
  for (const t of rec.get('totals') as { t: string; c: unknown }[]) {
    byType[t.t] = num(t.c);
    total += num(t.c);
  }
  const seen: Record<string, number> = {};
  for (const t of rec.get('before') as string[]) seen[t] = (seen[t] ?? 0) + 1;
  for (const { r: rel } of page) seen[rel.type] = (seen[rel.type] ?? 0) + 1;
  const more: Record<string, number> = {};
  for (const [t, c] of Object.entries(byType)) {
    const left = c - (seen[t] ?? 0);
    if (left > 0) more[t] = left;
  }
  return {
    ...g.payload(),
    center: n.elementId,
    total,
    returned: page.length,
    skip: q.skip,
    limit: q.limit,
    more,
    byType,
  };
}
