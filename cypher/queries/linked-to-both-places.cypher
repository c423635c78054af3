// title: People linked to two places
// description: >-
//   People connected (within three relationships, not counting article mentions) to both places,
//   by default Belgorod and Kharkiv, with one connecting path to each.
// group: People
// needs:
//   labels: [Person, Place]
// params:
//   - name: placeA
//     type: entity
//     label: First place
//     labels: [Place]
//     default: belgorod
//     suggest: MATCH (p:Place) RETURN p.id AS value, p.name AS label ORDER BY label LIMIT 300
//   - name: placeB
//     type: entity
//     label: Second place
//     labels: [Place]
//     default: kharkiv
//     suggest: MATCH (p:Place) RETURN p.id AS value, p.name AS label ORDER BY label LIMIT 300
MATCH (a:Place) WHERE elementId(a) = $placeA
MATCH (b:Place) WHERE elementId(b) = $placeB
// Each place's neighbourhood, level by level with every node once (a breadth-first search), gives
// every person's distance to it; a person is kept at the smaller of the distances found. Paths are
// then sought for the 100 people kept only: a path search from every person in the database costs
// tens of millions of reads on a large graph.
UNWIND [a, b] AS s
CALL (s) {
  MATCH (s)-[r1]-(n1) WHERE NOT type(r1) IN ['MENTIONS', 'WRITTEN_BY', 'CONTRIBUTED_TO']
  WITH collect(DISTINCT n1) AS l1
  UNWIND l1 AS n1
  MATCH (n1)-[r2]-(n2) WHERE NOT type(r2) IN ['MENTIONS', 'WRITTEN_BY', 'CONTRIBUTED_TO']
  WITH l1, collect(DISTINCT n2) AS l2
  UNWIND l2 AS n2
  OPTIONAL MATCH (n2)-[r3]-(p3:Person) WHERE NOT type(r3) IN ['MENTIONS', 'WRITTEN_BY', 'CONTRIBUTED_TO']
  WITH l1, l2, collect(DISTINCT p3) AS l3
  UNWIND [x IN l1 WHERE x:Person | [x, 1]] + [x IN l2 WHERE x:Person | [x, 2]] + [x IN l3 | [x, 3]] AS pd
  RETURN pd[0] AS p, pd[1] AS d
}
WITH a, b, p, min(CASE WHEN s = a THEN d END) AS hopsA, min(CASE WHEN s = b THEN d END) AS hopsB
WHERE hopsA IS NOT NULL AND hopsB IS NOT NULL
WITH a, b, p ORDER BY hopsA + hopsB, p.name LIMIT 100
CALL (p, a) {
  MATCH path = shortestPath((p)-[*..3]-(a))
  WHERE none(r IN relationships(path) WHERE type(r) IN ['MENTIONS', 'WRITTEN_BY', 'CONTRIBUTED_TO'])
  RETURN path AS toA
}
CALL (p, b) {
  MATCH path = shortestPath((p)-[*..3]-(b))
  WHERE none(r IN relationships(path) WHERE type(r) IN ['MENTIONS', 'WRITTEN_BY', 'CONTRIBUTED_TO'])
  RETURN path AS toB
}
RETURN p.name AS person, p.role AS role, toA, toB, length(toA) AS hopsToA, length(toB) AS hopsToB
ORDER BY hopsToA + hopsToB, person
LIMIT 100
