// title: What each outlet reported
// description: >-
//   Per article (outlet, date, title): the events it mentions and the claims it reports.
// group: Sources
// needs:
//   labels: [Article]
MATCH (a:Article)
OPTIONAL MATCH (a)-[:MENTIONS]->(e:Event)
WITH a, collect(DISTINCT e.name) AS events
OPTIONAL MATCH (a)-[:REPORTS]->(c:Claim)
RETURN a,
       a.outlet AS outlet,
       a.published AS published,
       a.title AS title,
       size(events) AS eventCount,
       events,
       count(c) AS claimCount,
       collect(c.statement) AS claims
ORDER BY published
LIMIT 100
