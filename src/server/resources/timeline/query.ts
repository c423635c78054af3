import {
  bucketize,
  TIMELINE_MAX_ITEMS,
  type TimelineArticle,
  type TimelineEvent,
  type TimelineQuery,
  type TimelineResponse,
} from '../../../shared/api/timeline';
import { num, strOrNull, toJson } from '../../db/convert';
import { nodeCaption, nodeKey } from '../../db/graph';
import {
  cypherArticleDayOf,
  cypherDate,
  cypherEvidenceArticles,
  cypherLat,
  cypherLon,
  cypherReportedDate,
  FAR_FUTURE,
  FAR_PAST,
} from '../../db/fragments';
import { int, readQuery, type Db } from '../../db/runner';

/**
 * The timeline: events by when they happened, articles by publication date, and the "as reported
 * by" view of both: then an event's dates are those the articles out by that day gave (per-value
 * sources, see cypherReportedDate), so a later article's end date never shows early. One round trip.
 *
 * Cost follows the answer: one pass over events and articles (a few properties each, nothing held
 * per row), then per listed event (at most the cap) its relationships. "Known by then" is one index
 * seek of the cited article per test, never a list of all articles (which every buffered row would
 * carry: rows × articles of memory). Two statement texts, so the unfiltered one has no such tests.
 */

/** Article `a`'s first day out as `pub` (its two date properties read once each). */
const withPub = (a: string) =>
  `WITH *, ${a}.published_from AS pf, ${a}.published AS pp WITH *, ${cypherArticleDayOf('pf', 'pp')} AS pub`;
/** Article id `x` names an article published on or before `asOf`: one unique-index seek. */
const knownBy = (x: string) => `EXISTS { MATCH (k:Article {id: ${x}}) ${withPub('k')} WHERE pub <= asOf }`;

function timelineCypher(filtered: boolean): string {
  const known = (x: string) => (filtered ? knownBy(x) : 'true');
  // Unfiltered: each stored date read once (rd, rf, rt below), not once per test of its type.
  const date = (p: string, raw: string) => (filtered ? cypherReportedDate('e', p, 'true', known) : cypherDate(raw));
  const reportedBy = (v: string) =>
    filtered ? `WHERE EXISTS { MATCH (a:Article)-[:REPORTS]->(${v}) ${withPub('a')} WHERE pub <= asOf }` : '';
  return `
WITH date($asOf) AS asOf, date($from) AS fromD, date($to) AS toD
CALL (asOf, fromD, toD) {
  MATCH (a:Article)
  WITH a, a.published_from AS pf, a.published AS pp
  WITH a, ${cypherArticleDayOf('pf', 'pp')} AS pub
  WHERE pub >= fromD AND pub <= toD AND pub <= asOf
  WITH a, pub ORDER BY pub, a.title LIMIT $cap
  RETURN collect({ node: a, pub: toString(pub) }) AS articles
}
CALL () {
  MATCH (e:Event)
  WITH e.date AS rd, e.date_from AS rf, e.date_to AS rt
  WHERE coalesce(${cypherDate('rd')}, ${cypherDate('rf')}, ${cypherDate('rt')}) IS NULL
  RETURN count(*) AS undated
}
CALL (asOf, fromD, toD) {
  MATCH (e:Event)
  // A date a later article gave (a campaign's end) is the one known by then, or none.
  WITH e, e.date AS rd, e.date_from AS rf, e.date_to AS rt
  WITH e, ${date('date', 'rd')} AS d0, ${date('date_from', 'rf')} AS df, ${date('date_to', 'rt')} AS dt
  WITH e, coalesce(d0, df, dt) AS s, coalesce(d0, dt, df) AS t,
       d0 IS NULL AND df IS NULL AND dt IS NOT NULL AS openStart,
       d0 IS NULL AND dt IS NULL AND df IS NOT NULL AS openEnd
  WHERE t >= fromD AND s <= toD
  ${
    // Listed only with a source known by then: stops at the first one.
    filtered
      ? `AND EXISTS { MATCH (e)-[r]-() WHERE any(art IN coalesce(${cypherEvidenceArticles('r')}, []) WHERE ${knownBy('art')}) }`
      : ''
  }
  WITH e, s, t, openStart, openEnd ORDER BY s, t, e.name LIMIT $cap
  CALL (e, asOf) {
    MATCH (e)-[r]-()
    UNWIND coalesce(${cypherEvidenceArticles('r')}, []) AS art
    WITH DISTINCT art
    WHERE art IS NOT NULL AND ${known('art')}
    RETURN count(art) AS sources
  }
  // The facts the listed events rest on: their evidence-carrying relationships, and those known by then.
  CALL (e, asOf) {
    MATCH (e)-[r]-()
    WITH r, ${cypherEvidenceArticles('r')} AS ev
    WHERE ev IS NOT NULL
    RETURN collect(elementId(r)) AS rels,
           collect(CASE WHEN any(x IN ev WHERE x IS NOT NULL AND ${known('x')}) THEN elementId(r) END) AS knownRels
  }
  CALL (e) {
    OPTIONAL MATCH (e)-[:OCCURRED_IN]->(p)
    WITH p WHERE p IS NOT NULL
    RETURN collect({ node: p, lat: ${cypherLat('p')}, lon: ${cypherLon('p')} })[..20] AS places
  }
  CALL (e, asOf) {
    MATCH (c:Claim)-[:ABOUT]->(e)
    ${reportedBy('c')}
    WITH c,
      COUNT { MATCH (c)-[:CONTRADICTS]-(o:Claim) ${reportedBy('o')} } AS against,
      COUNT { MATCH (c)-[:CONTRADICTS]-(o:Claim)-[:ABOUT]->(e) ${reportedBy('o')} } AS againstHere
    WITH c, against, againstHere,
      CASE WHEN c.status = 'contested' AND against = 0 THEN 'unanswered' ELSE c.status END AS st
    RETURN count(c) AS total,
           count(CASE WHEN st = 'contested' THEN 1 END) AS contested,
           count(CASE WHEN st = 'unanswered' THEN 1 END) AS unanswered,
           count(CASE WHEN st = 'acknowledged' THEN 1 END) AS acknowledged,
           count(CASE WHEN st = 'uncontested' THEN 1 END) AS uncontested,
           count(CASE WHEN againstHere > 0 THEN 1 END) > 0 AS hasContradiction
  }
  RETURN collect({
    node: e, start: toString(s), end: toString(t), openStart: openStart, openEnd: openEnd, sources: sources,
    places: places, total: total, contested: contested, unanswered: unanswered, acknowledged: acknowledged, uncontested: uncontested,
    hasContradiction: hasContradiction
  }) AS events, count(e) AS eventCount, collect(rels) AS rels, collect(knownRels) AS knownRels
}
// A relationship between two listed events counts once.
CALL (rels) { UNWIND rels AS l UNWIND l AS x RETURN count(DISTINCT x) AS factsTotal }
CALL (knownRels) { UNWIND knownRels AS l UNWIND l AS x RETURN count(DISTINCT x) AS factsSupported }
RETURN articles, events, eventCount, undated, factsTotal, factsSupported`;
}
const TIMELINE_CYPHER = { filtered: timelineCypher(true), all: timelineCypher(false) };

interface NodeLike {
  elementId: string;
  properties: Record<string, unknown>;
}

/** Runs the timeline query. Cost: one round trip; reads events and articles, then the listed events' relationships. */
export async function loadTimeline(db: Db, q: TimelineQuery): Promise<TimelineResponse> {
  const t0 = performance.now();
  const res = await readQuery(
    db,
    q.asReportedBy !== undefined ? TIMELINE_CYPHER.filtered : TIMELINE_CYPHER.all,
    // Sentinels instead of nulls: Neo4j caches plans per parameter types, so one shape = one plan.
    {
      asOf: q.asReportedBy ?? FAR_FUTURE,
      from: q.from ?? FAR_PAST,
      to: q.to ?? FAR_FUTURE,
      cap: int(TIMELINE_MAX_ITEMS + 1),
    },
    { metadata: { endpoint: 'timeline' } },
  );
  const row = res.records[0];
  if (!row) throw new Error('timeline query returned no row');

  const rawArticles = row.get('articles') as { node: NodeLike; pub: string }[];
  const articles: TimelineArticle[] = rawArticles.slice(0, TIMELINE_MAX_ITEMS).map(({ node, pub }) => ({
    id: node.elementId,
    key: nodeKey(node.properties),
    title: nodeCaption(node.properties, node.elementId),
    outlet: strOrNull(node.properties.outlet),
    published: pub,
  }));

  type RawEvent = {
    node: NodeLike;
    start: string;
    end: string;
    openStart: boolean;
    openEnd: boolean;
    sources: unknown;
    places: { node: NodeLike; lat: unknown; lon: unknown }[];
    total: unknown;
    contested: unknown;
    unanswered: unknown;
    acknowledged: unknown;
    uncontested: unknown;
    hasContradiction: boolean;
  };
  const rawEvents = row.get('events') as RawEvent[];
  const events: TimelineEvent[] = rawEvents.slice(0, TIMELINE_MAX_ITEMS).map((e) => ({
    id: e.node.elementId,
    key: nodeKey(e.node.properties),
    name: nodeCaption(e.node.properties, e.node.elementId),
    kind: strOrNull(e.node.properties.kind),
    start: e.start,
    end: e.end,
    openStart: e.openStart,
    openEnd: e.openEnd,
    places: e.places.map((p) => ({
      id: p.node.elementId,
      key: nodeKey(p.node.properties),
      name: nodeCaption(p.node.properties, p.node.elementId),
      lat: typeof toJson(p.lat) === 'number' ? (toJson(p.lat) as number) : null,
      lon: typeof toJson(p.lon) === 'number' ? (toJson(p.lon) as number) : null,
    })),
    claims: {
      total: num(e.total),
      contested: num(e.contested),
      unanswered: num(e.unanswered),
      acknowledged: num(e.acknowledged),
      uncontested: num(e.uncontested),
    },
    contested: e.hasContradiction,
    sources: num(e.sources),
  }));

  return {
    from: q.from ?? null,
    to: q.to ?? null,
    asReportedBy: q.asReportedBy ?? null,
    granularity: q.granularity,
    events,
    articles,
    buckets: bucketize(events, articles, q.granularity),
    undated: num(row.get('undated')),
    truncated: rawEvents.length > TIMELINE_MAX_ITEMS || rawArticles.length > TIMELINE_MAX_ITEMS,
    facts: { total: num(row.get('factsTotal')), supported: num(row.get('factsSupported')) },
    tookMs: Math.round(performance.now() - t0),
  };
}
