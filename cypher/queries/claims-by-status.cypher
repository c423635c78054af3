// title: Claims by status
// description: >-
//   Claims that are contested, unanswered or acknowledged, with the claimant, the event and the
//   article.
// group: Claims
// needs:
//   labels: [Claim]
// params:
//   - name: status
//     type: string
//     label: Status
//     default: contested
//     options: [contested, unanswered, acknowledged]
MATCH (c:Claim {status: $status})
OPTIONAL MATCH (who)-[:MADE]->(c)
OPTIONAL MATCH (c)-[:ABOUT]->(e:Event)
OPTIONAL MATCH (a:Article {id: c.article})
RETURN c, who, e,
       who.name AS claimant,
       c.statement AS statement,
       e.name AS event,
       a.outlet AS outlet,
       a.published AS published
ORDER BY published, claimant
LIMIT 300
