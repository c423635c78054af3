// title: Casualties by event and by source
// description: >-
//   Reported deaths and injuries per event, who reported the figures, and the claims made about
//   the same event (so the figures can be read against each side's account).
// group: Events
// needs:
//   labels: [Event]
MATCH (e:Event)
WHERE e.killed IS NOT NULL OR e.injured IS NOT NULL
OPTIONAL MATCH (src:Entity {id: e.casualties_reported_by})
OPTIONAL MATCH (e)<-[:ABOUT]-(c:Claim)<-[:MADE]-(who)
WITH e, src, collect(DISTINCT who.name + ': ' + c.statement) AS claims
RETURN e,
       coalesce(e.date, e.date_from) AS dateFrom,
       coalesce(e.date, e.date_to) AS dateTo,
       e.name AS event,
       e.casualty_qualifier AS casualtyQualifier,
       e.killed AS killed,
       e.injured AS injured,
       coalesce(src.name, 'not attributed') AS reportedBy,
       e.casualty_note AS note,
       claims
ORDER BY coalesce(dateFrom, dateTo), dateTo, event
LIMIT 200
