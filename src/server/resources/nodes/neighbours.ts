import type { Node, Relationship } from 'neo4j-driver';
import {
  NEIGHBOURS_HUB_LIMIT,
  NEIGHBOURS_HUB_TOTAL,
  type Direction,
  type NeighboursQuery,
  type NeighboursResponse,
} from '../../../shared/api/nodes';
import { notFound } from '../../http/errors';
import { num } from '../../db/convert';
import { GraphCollector } from '../../db/graph';
import { matchNode } from '../../db/node-ref';
import { quoteType, refreshRelationshipTypes, relationshipTypes } from '../../db/rel-types';
import { int, readQuery, type Db } from '../../db/runner';

/**
 * Nodes with at most this many matching relationships get them ranked by the neighbour's degree
 * (hubs first): that costs ~2 database hits per relationship, so only up to one full page. Above
 * it the page is read in store order (grouped by type on a dense node), which stops after
 * skip + limit rows. Either way the order is the same for every page of one node. Above it, too,
 * a page holds at most NEIGHBOURS_HUB_LIMIT relationships: what a page costs is mostly reading
 * its rows' properties out (~20 database hits a row on the news graph), so a hub's first page
 * stays within the budget of an ordinary one; "+N more" pages on from there.
 */
export const RANK_MAX = NEIGHBOURS_HUB_TOTAL;

/** The relationships a page holds: the asked limit, capped for a hub (see RANK_MAX). */
export const pageLimit = (total: number, limit: number): number =>
  total > RANK_MAX ? Math.min(limit, NEIGHBOURS_HUB_LIMIT) : limit;

// One fixed pattern per direction (no string building from input); types are quoted identifiers.
const PATTERN: Record<Direction, (t: string) => string> = {
  out: (t) => `(n)-[r${t}]->(m)`,
  in: (t) => `(n)<-[r${t}]-(m)`,
  both: (t) => `(n)-[r${t}]-(m)`,
};
const LABELS = `($labels IS NULL OR any(l IN labels(m) WHERE l IN $labels))`;
const FILTER = `($types IS NULL OR type(r) IN $types) AND ${LABELS}`;
const anyOf = (types: string[] | null) => (types ? `:${types.map(quoteType).join('|')}` : '');

/**
 * Per type, how many relationships match: a degree-store lookup per type (`COUNT` of a pattern
 * with a written type on a bound node) unless a label filter needs each neighbour's labels.
 */
function typeCount(dir: Direction, t: string, labels: boolean): string {
  const p = PATTERN[dir](`:${quoteType(t)}`);
  return labels ? `COUNT { MATCH ${p} WHERE ${LABELS} }` : `COUNT { ${p.replace('[r:', '[:').replace('(m)', '()')} }`;
}

const neighboursCypher = (
  match: string,
  dir: Direction,
  types: string[],
  filtered: string[] | null,
  labels: boolean,
) => `
${match}
WITH n LIMIT 1
WITH n, [${types.map((t) => typeCount(dir, t, labels)).join(', ')}] AS counts,
  COUNT { ${PATTERN[dir]('').replace('[r]', '[]').replace('(m)', '()')} } AS degree
WITH n, counts, degree, reduce(s = 0, c IN counts | s + c) AS total
CALL (n, total) {
  CALL (n, total) {
    WITH n WHERE total <= $rankMax
    MATCH ${PATTERN[dir](anyOf(filtered))} WHERE ${FILTER}
    WITH r, m ORDER BY COUNT { (m)--() } DESC, elementId(r)
    RETURN r, m LIMIT $upto
    UNION ALL
    WITH n WHERE total > $rankMax
    MATCH ${PATTERN[dir](anyOf(filtered))} WHERE ${FILTER}
    RETURN r, m LIMIT $hubUpto
  }
  RETURN collect({r: r, m: m}) AS rows
}
RETURN n, counts, degree, rows[$skip..] AS page, [x IN rows[..$skip] | type(x.r)] AS before`;

/**
 * One page of a node's neighbourhood, with per type how many relationships match and how many
 * remain after this page. Cost: a degree-store lookup per relationship type for the totals (a
 * scan of the node's relationships only with a label filter), then O(skip + limit) rows for the
 * page (O(degree) with ~2 hits each when the node has ≤ RANK_MAX matching relationships, for the
 * ranking; at most NEIGHBOURS_HUB_LIMIT rows above it); one round trip (two when a relationship type appeared since the type list was read).
 */
export async function neighbours(db: Db, address: string, q: NeighboursQuery): Promise<NeighboursResponse> {
  let all = await relationshipTypes(db);
  for (let attempt = 0; ; attempt++) {
    const filtered = q.types ? [...new Set(q.types)] : null;
    const types = filtered ?? all;
    const r = await readQuery(
      db,
      neighboursCypher(matchNode('n', 'id', address), q.direction, types, filtered, !!q.labels),
      {
        id: address,
        types: q.types ?? null,
        labels: q.labels ?? null,
        rankMax: int(RANK_MAX),
        skip: int(q.skip),
        upto: int(q.skip + q.limit),
        hubUpto: int(q.skip + Math.min(q.limit, NEIGHBOURS_HUB_LIMIT)),
      },
    );
    const rec = r.records[0];
    if (!rec) throw notFound(`No node with id "${address}"`);
    // Unfiltered, the counts must add up to the degree; if not, a type the list lacks: re-read
    // the list once and ask again.
    const counted = (rec.get('counts') as unknown[]).reduce<number>((s, c) => s + num(c), 0);
    if (!filtered && !q.labels && counted !== num(rec.get('degree')) && attempt === 0) {
      all = await refreshRelationshipTypes(db);
      continue;
    }
    return shape(rec.get('n') as Node, types, rec.get('counts') as unknown[], rec, q);
  }
}

function shape(
  n: Node,
  types: string[],
  counts: unknown[],
  rec: { get(k: string): unknown },
  q: NeighboursQuery,
): NeighboursResponse {
  const g = new GraphCollector();
  g.addNode(n);
  const page = rec.get('page') as { r: Relationship; m: Node }[];
  for (const { r: rel, m } of page) {
    g.addNode(m);
    g.addEdge(rel);
  }
  const byType: Record<string, number> = {};
  let total = 0;
  types.forEach((t, i) => {
    const c = num(counts[i]);
    if (c > 0) byType[t] = c;
    total += c;
  });
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
    // Unfiltered or not, `total` is what the query compared with RANK_MAX.
    limit: pageLimit(total, q.limit),
    more,
    byType,
  };
}
