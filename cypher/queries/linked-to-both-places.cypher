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
MATCH (p:Person)
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
