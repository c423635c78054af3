// title: Timeline of incidents in a region
// description: >-
//   Strikes, attacks, accidental releases and other incidents in a region (default the Belgorod
//   region), in date order, with the reported casualties and who reported them.
// group: Places and time
// needs:
//   labels: [Event, Place]
//   types: [OCCURRED_IN]
// params:
//   - name: region
//     type: entity
//     label: Region
//     labels: [Place]
//     default: belgorod-region
//     suggest: MATCH (p:Place) WHERE p.kind IN ['region', 'country'] RETURN p.id AS value, p.name AS label ORDER BY label LIMIT 200
MATCH (region:Place) WHERE elementId(region) = $region
// From the place down what lies within it to the events there: the cost follows that part of the
// map, not the number of events in the database.
MATCH (x:Place)-[:LOCATED_IN*0..4]->(region)
WITH DISTINCT x
MATCH (e:Event)-[o:OCCURRED_IN]->(x)
WHERE e.kind IN ['strike', 'attack', 'accidental-release', 'barrage', 'shelling', 'explosion', 'interception', 'evacuation']
OPTIONAL MATCH (src:Entity {id: e.casualties_reported_by})
RETURN e, o, x,
       coalesce(e.date, e.date_from) AS dateFrom,
       coalesce(e.date, e.date_to) AS dateTo,
       e.name AS incident,
       e.kind AS kind,
       x.name AS place,
       e.casualty_qualifier AS casualtyQualifier,
       e.killed AS killed,
       e.injured AS injured,
       src.name AS reportedBy
ORDER BY coalesce(dateFrom, dateTo), dateTo, incident
LIMIT 300
