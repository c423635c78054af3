// title: Everything about a person
// description: >-
//   Every relationship of one person (offices, events, claims, meetings), with the quote and the
//   article that support each link. Article mentions are left out.
// group: People
// needs:
//   labels: [Person]
// params:
//   - name: person
//     type: entity
//     label: Person
//     labels: [Person]
//     default: vyacheslav-gladkov
//     suggest: MATCH (p:Person) RETURN p.id AS value, p.name AS label ORDER BY label LIMIT 200
MATCH (p:Person) WHERE elementId(p) = $person
MATCH (p)-[r]-(x)
WHERE type(r) <> 'MENTIONS'
OPTIONAL MATCH (a:Article {id: r.article})
RETURN p, r, x,
       type(r) AS relationship,
       CASE WHEN startNode(r) = p THEN 'out' ELSE 'in' END AS direction,
       coalesce(x.name, x.statement, x.title, x.id) AS other,
       r.quote AS quote,
       a.title AS article,
       a.outlet AS outlet
ORDER BY relationship, other
LIMIT 300
