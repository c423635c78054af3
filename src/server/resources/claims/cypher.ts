import { AFFILIATION_MAX_HOPS, AFFILIATION_TYPES, AFFILIATION_WIDTH } from '../../../shared/api/claims';
import { articleProjection } from '../../db/article-ref';
import { cypherArticleDay, cypherDate } from '../../db/fragments';

/**
 * The board's one statement. Its cost follows the claims it answers, not the graph: the event is
 * an elementId or key seek; one event's claims are read from the event; every node answered is
 * read as the few properties the board shows (a whole node would cost a hit per property), and an
 * event's dates once per event, not once per claim.
 */

const AFFILIATION = AFFILIATION_TYPES.join('|');

/**
 * Most affiliations followed out of one node, and most nodes one claimant reaches at one hop count:
 * far over what a news claimant has (and over the generated graph's hubs at 20,000 relationships, so
 * its answer is the unbounded walk's), yet a bound on what one claimant can cost next to a hub.
 */
export const AFFILIATION_PER_NODE = AFFILIATION_WIDTH;
export const AFFILIATION_FRONT = AFFILIATION_WIDTH;
/** Most candidate paths (all at the nearest distance) returned per claimant, as before the walk was bounded. */
export const AFFILIATION_CANDIDATES = 25;

const caption = (n: string) => `{id: elementId(${n}), p: ${n} {.id, .name, .title}}`;

/**
 * Hop k of the walk: which nodes of the frontier give a side (a country, a declared side, or a
 * `country` property naming a place, which counts one hop more), then, for claimants with no side
 * yet at k hops or nearer, the next frontier. Each node is read and expanded once per hop however
 * many claimants reach it; a claimant's frontier holds each node once (its first path), at most
 * AFFILIATION_FRONT of them, each expanded through at most AFFILIATION_PER_NODE relationships: so
 * a claimant costs a bounded number of hits even next to a hub, and stops at its nearest side.
 */
const hop = (k: number) => {
  const evaluate = `
  CALL (state) {
    UNWIND state AS s
    UNWIND s.front AS f
    WITH f.x AS x, collect({w: s.w, f: f}) AS fs
    WITH x, fs, x.side AS side, x.country AS country, x:Country OR (x:Place AND x.kind = 'country') AS isCountry
    WITH x, fs, side, country, isCountry, coalesce(side IN $declared, false) AS declared
    OPTIONAL MATCH (cty:Place) WHERE NOT isCountry AND NOT declared AND country IS :: STRING NOT NULL AND cty.id = country
    WITH fs, side, isCountry OR declared AS here, cty WHERE isCountry OR declared OR cty IS NOT NULL
    UNWIND fs AS g
    RETURN collect({w: g.w, ns: g.f.ns, ts: g.f.ts, side: side,
                    hops: CASE WHEN here THEN ${k} ELSE ${k + 1} END,
                    country: CASE WHEN here THEN null ELSE cty END}) AS found
  }
  WITH claimants, cands + found AS cands, state
  WITH claimants, cands, [s IN state WHERE NOT any(c IN cands WHERE c.w = s.w AND c.hops <= ${k})] AS state`;
  if (k === AFFILIATION_MAX_HOPS) return evaluate;
  return `${evaluate}
  CALL (state) {
    UNWIND state AS s
    UNWIND s.front AS f
    WITH f.x AS x, collect({w: s.w, seen: s.seen, f: f}) AS fs
    CALL (x) { MATCH (x)-[r:${AFFILIATION}]->(n) RETURN type(r) AS t, n LIMIT ${AFFILIATION_PER_NODE} }
    UNWIND fs AS g
    WITH g, t, n WHERE NOT n IN g.seen
    WITH g.w AS w, g.seen AS seen, n, head(collect({ns: g.f.ns + n, ts: g.f.ts + t})) AS p
    WITH w, seen, collect({x: n, ns: p.ns, ts: p.ts})[0..${AFFILIATION_FRONT}] AS front
    RETURN collect({w: w, seen: seen + [f IN front | f.x], front: front}) AS next
  }
  WITH claimants, cands, next AS state`;
};

const affiliationWalk = () =>
  `WITH claimants, [] AS cands, [w IN claimants | {w: w, seen: [w], front: [{x: w, ns: [w], ts: []}]}] AS state` +
  Array.from({ length: AFFILIATION_MAX_HOPS + 1 }, (_, k) => hop(k)).join('') +
  `
  UNWIND claimants AS w
  WITH w, [c IN cands WHERE c.w = w] AS mine
  WITH w, mine, reduce(m = ${AFFILIATION_MAX_HOPS + 2}, c IN mine | CASE WHEN c.hops < m THEN c.hops ELSE m END) AS best
  RETURN collect({who: elementId(w), candidates: [c IN [c IN mine WHERE c.hops = best][0..${AFFILIATION_CANDIDATES}] | {
    nodes: [n IN c.ns | ${caption('n')}], types: c.ts, side: c.side,
    country: head([y IN [c.country] WHERE y IS NOT NULL | ${caption('y')}])
  }]}) AS affiliations`;

/**
 * One event's board and the whole board are two statements: in one, the planner scanned every
 * claim for the whole board's branch and only then tested which branch the request wanted.
 */
const claimsCypher = (oneEvent: boolean) => `
WITH $filtered AS filtered, date($asOf) AS asOf
CALL () {
  OPTIONAL MATCH (x) WHERE $event <> '' AND elementId(x) = $event
  OPTIONAL MATCH (ev:Event {id: $event})
  OPTIONAL MATCH (en:Entity {id: $event})
  WITH [n IN [x, ev, en] WHERE n IS NOT NULL] AS found
  UNWIND found AS n
  RETURN collect(DISTINCT n) AS targets
}
CALL (filtered, asOf, targets) {
  ${
    oneEvent
      ? `UNWIND targets AS e
  MATCH (c:Claim)-[:ABOUT]->(e)`
      : 'MATCH (c:Claim)-[:ABOUT]->(e)'
  }
  WITH c, e WHERE NOT filtered OR EXISTS { MATCH (a:Article)-[:REPORTS]->(c) WHERE ${cypherArticleDay('a')} <= asOf }
  WITH c, e LIMIT $cap + 1
  WITH c, e, c.date AS cd0, c.date_from AS cdf0, c.date_to AS cdt0, c.article AS articleKey,
       head([(w)-[:MADE]->(c) | w]) AS who,
       head([(a:Article)-[:REPORTS]->(c) | a]) AS reporter,
       [(c)-[:CONTRADICTS]-(o:Claim)
         WHERE NOT filtered OR EXISTS { MATCH (a2:Article)-[:REPORTS]->(o) WHERE ${cypherArticleDay('a2')} <= asOf }
         | elementId(o)] AS contra
  WITH c, e, who, contra, articleKey, ${cypherDate('cd0')} AS cd, ${cypherDate('cdf0')} AS cdf, ${cypherDate('cdt0')} AS cdt,
       coalesce(reporter, head(COLLECT { MATCH (a:Article) WHERE articleKey IS NOT NULL AND a.id = articleKey RETURN a LIMIT 1 })) AS article
  RETURN collect({
    event: elementId(e),
    claim: {id: elementId(c), p: c {.id, .statement, .stance, .status, .quote, .start, .end, .dataset, .version, .edited_by, edited_at: toString(c.edited_at), article: articleKey}},
    date: CASE WHEN cd IS NOT NULL THEN toString(cd)
               WHEN cdf IS NOT NULL OR cdt IS NOT NULL THEN coalesce(toString(cdf), '') + '/' + coalesce(toString(cdt), '')
          END,
    who: CASE WHEN who IS NULL THEN null ELSE {id: elementId(who), labels: labels(who), p: who {.id, .name, .title}} END,
    article: CASE WHEN article IS NULL THEN null
                  ELSE {id: elementId(article), p: ${articleProjection('article').replace('{', '{.name, ')}} END,
    contra: contra
  }) AS found, collect(DISTINCT e) AS evs, collect(DISTINCT who) AS claimants
}
CALL (evs) {
  UNWIND evs AS e
  WITH e, e.date AS ed, e.date_from AS edf, e.date_to AS edt
  WITH e, ${cypherDate('ed')} AS d0, ${cypherDate('edf')} AS df, ${cypherDate('edt')} AS dt
  RETURN collect({id: elementId(e), labels: labels(e), p: e {.id, .name, .title},
                  start: toString(coalesce(d0, df, dt)), end: toString(coalesce(d0, dt, df))}) AS events
}
WITH size(targets) AS eventFound, size(found) > $cap AS truncated, found[0..$cap] AS rows, events, claimants
CALL (claimants) {
  ${affiliationWalk()}
}
RETURN eventFound, truncated, rows, events, affiliations`;

export const CLAIMS_CYPHER = { oneEvent: claimsCypher(true), all: claimsCypher(false) };
