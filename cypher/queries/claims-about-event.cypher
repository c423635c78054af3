// title: Who said what about an event
// description: >-
//   Every attributed claim about one event: who made it, what they said, its status, and the
//   article and quote it comes from.
// group: Claims
// needs:
//   labels: [Event, Claim]
//   types: [ABOUT, MADE]
// params:
//   - name: event
//     type: entity
//     label: Event
//     labels: [Event]
//     default: belgorod-attack-2023-12-30
//     suggest: MATCH (e:Event)<-[:ABOUT]-(:Claim) RETURN DISTINCT e.id AS value, e.name AS label ORDER BY label LIMIT 200
MATCH (e:Event) WHERE elementId(e) = $event
MATCH (e)<-[ab:ABOUT]-(c:Claim)<-[m:MADE]-(who)
OPTIONAL MATCH (a:Article)-[rep:REPORTS]->(c)
RETURN e, ab, c, m, who, a, rep,
       who.name AS claimant,
       c.statement AS statement,
       c.stance AS stance,
       c.status AS status,
       c.date AS claimedOn,
       c.quote AS quote,
       a.title AS article,
       a.outlet AS outlet
ORDER BY claimedOn, claimant
LIMIT 200
