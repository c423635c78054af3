import type { Node, Path } from 'neo4j-driver';
import { PATHS_DEFAULT_EXCLUDE, PATHS_MAX_HOPS, type PathsQuery, type PathsResponse } from '../../../shared/api/paths';
import { ApiError, badRequest, notFound } from '../../http/errors';
import { GraphCollector } from '../../db/graph';
import { matchNode } from '../../db/node-ref';
import { quoteType, relationshipTypes } from '../../db/rel-types';
import { int, readQuery, type Db } from '../../db/runner';
import type { MergedInto } from '../../../shared/api/common';
import { mergedAwayError } from '../node-edit/merged-away';

// Variable-length bounds cannot be parameters in Cypher; one literal per allowed value, chosen
// by the validated integer (never from a string the client sent). The types to follow are written
// into the pattern (quoted identifiers) so that each expansion reads only those relationships:
// on a hub that skips its flood of MENTIONS without touching them. The per-relationship filter
// stays as the definition (and covers a type created since the type list was read); it is
// written per relationship so the planner keeps it inside the breadth-first search.
const HOPS: readonly string[] = Array.from({ length: PATHS_MAX_HOPS + 1 }, (_, h) => `*..${h}`);

const pathsCypher = (matchA: string, matchB: string, rel: string) => `
${matchA}
WITH a LIMIT 1
${matchB}
WITH a, b LIMIT 1
CALL (a, b) {
  OPTIONAL MATCH p = allShortestPaths((a)-[${rel}]-(b))
  WHERE a IS NOT NULL AND b IS NOT NULL AND a <> b
    AND all(r IN relationships(p) WHERE ($types IS NULL OR type(r) IN $types) AND ($exclude IS NULL OR NOT type(r) IN $exclude))
  WITH p WHERE p IS NOT NULL
  LIMIT $fetch
  RETURN collect(p) AS paths
}
RETURN a, b, paths`;

/** The relationship part of the pattern: `:A|B*..h` when the types to follow are known, else `*..h`. */
async function relPattern(db: Db, q: PathsQuery): Promise<string> {
  const hops = HOPS[q.maxHops]!;
  const follow = q.types ?? (q.exclude ? (await relationshipTypes(db)).filter((t) => !q.exclude!.includes(t)) : null);
  if (!follow) return hops;
  // Nothing left to follow: a type no relationship can have keeps the search empty.
  return `:${follow.length ? follow.map(quoteType).join('|') : quoteType(' none ')}${hops}`;
}

/** Where the node at an address that found nothing went, when it was merged away (else null). */
export type MergedOf = (address: string) => Promise<MergedInto | null>;

/**
 * The 404 of an end that found no node: the merged-away one when `mergedOf` knows its survivor;
 * `param` says which end, so a client can draw the path again from the survivor.
 */
async function endNotFound(end: 'from' | 'to', address: string, mergedOf: MergedOf): Promise<ApiError> {
  const to = await mergedOf(address);
  const e = to ? mergedAwayError(address, to) : notFound(`No node with id "${address}" (${end})`);
  return new ApiError(404, 'NOT_FOUND', e.message, { ...e.details, param: end });
}

/**
 * All shortest paths between two nodes up to maxHops, capped at `limit` paths. Mentions are
 * followed only when asked for (PATHS_DEFAULT_EXCLUDE). Cost: a bidirectional breadth-first
 * search bounded by maxHops over the followed types only, then the paths returned; one round trip
 * (and `mergedOf`, only for an end that found nothing).
 */
export async function shortestPaths(
  db: Db,
  query: PathsQuery,
  mergedOf: MergedOf = async () => null,
): Promise<PathsResponse> {
  const t0 = performance.now();
  const q = query.types || query.exclude ? query : { ...query, exclude: [...PATHS_DEFAULT_EXCLUDE] };
  const r = await readQuery(
    db,
    pathsCypher(matchNode('a', 'from', q.from, true), matchNode('b', 'to', q.to, true), await relPattern(db, q)),
    {
      from: q.from,
      to: q.to,
      types: q.types ?? null,
      exclude: q.exclude ?? null,
      fetch: int(q.limit + 1),
    },
  );
  const rec = r.records[0];
  const a = rec?.get('a') as Node | null;
  const b = rec?.get('b') as Node | null;
  if (!a) throw await endNotFound('from', q.from, mergedOf);
  if (!b) throw await endNotFound('to', q.to, mergedOf);
  if (a.elementId === b.elementId) throw badRequest('to', 'is the same node as from');
  const all = (rec!.get('paths') as Path[]) ?? [];
  const kept = all.slice(0, q.limit);
  const g = new GraphCollector();
  g.addNode(a);
  g.addNode(b);
  for (const p of kept) g.addPath(p);
  return {
    ...g.payload(),
    from: a.elementId,
    to: b.elementId,
    paths: kept.map((p) => ({
      nodes: [p.start.elementId, ...p.segments.map((s) => s.end.elementId)],
      edges: p.segments.map((s) => s.relationship.elementId),
    })),
    length: kept[0] ? kept[0].length : null,
    truncated: all.length > q.limit,
    tookMs: Math.round(performance.now() - t0),
  };
}
