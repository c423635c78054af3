// title: Events in a place between two dates
// description: >-
//   Events that happened in a place or anywhere inside it (following LOCATED_IN), between two
//   dates. Events known only by a date range count when the range overlaps.
// group: Places and time
// needs:
//   labels: [Event, Place]
//   types: [OCCURRED_IN]
// params:
//   - name: place
//     type: entity
//     label: Place
//     labels: [Place]
//     default: belgorod-region
//     suggest: MATCH (p:Place) RETURN p.id AS value, p.name AS label ORDER BY label LIMIT 300
//   - name: from
//     type: date
//     label: From
//     default: 2022-01-01
//   - name: to
//     type: date
//     label: To
//     default: 2024-12-31
MATCH (pl:Place) WHERE elementId(pl) = $place
// From the place down what lies within it to the events there: the cost follows that part of the
// map, not the number of events in the database.
MATCH (x:Place)-[:LOCATED_IN*0..4]->(pl)
WITH DISTINCT x
MATCH (e:Event)-[o:OCCURRED_IN]->(x)
WHERE coalesce(e.date, e.date_to, e.date_from) >= $from
  AND coalesce(e.date, e.date_from, e.date_to) <= $to
RETURN e, o, x,
       e.name AS event,
       e.kind AS kind,
       coalesce(e.date, e.date_from) AS dateFrom,
       coalesce(e.date, e.date_to) AS dateTo,
       x.name AS place
ORDER BY coalesce(dateFrom, dateTo), dateTo, event
LIMIT 300
