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
  cypherArticleDay,
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
 */

const TIMELINE_CYPHER = `
WITH $filtered AS filtered, date($asOf) AS asOf, date($from) AS fromD, date($to) AS toD
CALL (filtered, asOf) {
  MATCH (a:Article)
  WITH a, ${cypherArticleDay('a')} AS pub
  RETURN collect(CASE WHEN NOT filtered OR pub <= asOf THEN a.id END) AS known
}
CALL (asOf, fromD, toD) {
  MATCH (a:Article)
  WITH a, ${cypherArticleDay('a')} AS pub
  WHERE pub >= fromD AND pub <= toD AND pub <= asOf
  WITH a, pub ORDER BY pub, a.title LIMIT $cap
  RETURN collect({ node: a, pub: toString(pub) }) AS articles
}
CALL () {
  MATCH (e:Event)
  WHERE coalesce(${cypherDate('e.date')}, ${cypherDate('e.date_from')}, ${cypherDate('e.date_to')}) IS NULL
  RETURN count(e) AS undated
}
CALL (filtered, fromD, toD, known) {
  MATCH (e:Event)
  // A date a later article gave (a campaign's end) is the one known by then, or none.
  WITH e, ${cypherReportedDate('e', 'date', 'filtered', 'known')} AS d0,
       ${cypherReportedDate('e', 'date_from', 'filtered', 'known')} AS df,
       ${cypherReportedDate('e', 'date_to', 'filtered', 'known')} AS dt
  WITH e, coalesce(d0, df, dt) AS s, coalesce(d0, dt, df) AS t,
       d0 IS NULL AND df IS NULL AND dt IS NOT NULL AS openStart,
       d0 IS NULL AND dt IS NULL AND df IS NOT NULL AS openEnd
  WHERE t >= fromD AND s <= toD
  CALL (e, filtered, known) {
    MATCH (e)-[r]-()
    UNWIND coalesce(${cypherEvidenceArticles('r')}, []) AS art
    WITH DISTINCT art
    WHERE art IS NOT NULL AND (NOT filtered OR art IN known)
    RETURN count(art) AS sources
  }
  WITH e, s, t, openStart, openEnd, sources
  WHERE NOT filtered OR sources > 0
  WITH e, s, t, openStart, openEnd, sources ORDER BY s, t, e.name LIMIT $cap
  CALL (e) {
    OPTIONAL MATCH (e)-[:OCCURRED_IN]->(p)
    WITH p WHERE p IS NOT NULL
    RETURN collect({ node: p, lat: ${cypherLat('p')}, lon: ${cypherLon('p')} })[..20] AS places
  }
  CALL (e, filtered, known) {
    MATCH (c:Claim)-[:ABOUT]->(e)
    WHERE NOT filtered OR EXISTS { MATCH (a:Article)-[:REPORTS]->(c) WHERE a.id IN known }
    WITH c,
      COUNT { MATCH (c)-[:CONTRADICTS]-(o:Claim)
              WHERE NOT filtered OR EXISTS { MATCH (a2:Article)-[:REPORTS]->(o) WHERE a2.id IN known } } AS against,
      COUNT { MATCH (c)-[:CONTRADICTS]-(o:Claim)-[:ABOUT]->(e)
              WHERE NOT filtered OR EXISTS { MATCH (a3:Article)-[:REPORTS]->(o) WHERE a3.id IN known } } AS againstHere
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
  }) AS events, count(e) AS eventCount
}
CALL (filtered, known) {
  MATCH ()-[r]->()
  WITH ${cypherEvidenceArticles('r')} AS ev
  WHERE ev IS NOT NULL
  RETURN count(*) AS factsTotal,
         count(CASE WHEN NOT filtered OR any(x IN ev WHERE x IN known) THEN 1 END) AS factsSupported
}
RETURN articles, events, eventCount, undated, factsTotal, factsSupported`;

interface NodeLike {
  elementId: string;
  properties: Record<string, unknown>;
}

/** Runs the timeline query. Cost: one round trip; scans events, articles and (for the fact counts) all relationships. */
export async function loadTimeline(db: Db, q: TimelineQuery): Promise<TimelineResponse> {
  const t0 = performance.now();
  const res = await readQuery(
    db,
    TIMELINE_CYPHER,
    // Sentinels instead of nulls: Neo4j caches plans per parameter types, so one shape = one plan.
    {
      filtered: q.asReportedBy !== undefined,
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
