// title: Contradicting claims, side by side
// description: >-
//   Pairs of claims that contradict each other: who said what on each side, about which event,
//   and the quotes.
// group: Claims
// needs:
//   labels: [Claim]
//   types: [CONTRADICTS, MADE]
MATCH (c1:Claim)-[x:CONTRADICTS]->(c2:Claim)
MATCH (w1)-[m1:MADE]->(c1)
MATCH (w2)-[m2:MADE]->(c2)
OPTIONAL MATCH (c1)-[:ABOUT]->(e:Event)
WITH c1, c2, x, w1, w2, m1, m2, collect(DISTINCT e.name) AS events
RETURN c1, x, c2, w1, m1, w2, m2,
       events,
       w1.name AS claimantA, c1.statement AS claimA, c1.quote AS quoteA,
       w2.name AS claimantB, c2.statement AS claimB, c2.quote AS quoteB
ORDER BY claimantA, claimantB
LIMIT 200
