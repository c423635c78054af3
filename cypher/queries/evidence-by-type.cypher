// title: Every quote behind one kind of link
// description: >-
//   All evidence quotes for relationships of one type (e.g. ATTRIBUTED_TO: who the articles say
//   carried out each event), one row per quote, with article and outlet.
// group: Sources
// needs:
//   labels: [Article]
// params:
//   - name: type
//     type: string
//     label: Relationship type
//     default: ATTRIBUTED_TO
//     suggest: CALL db.relationshipTypes() YIELD relationshipType RETURN relationshipType AS value, relationshipType AS label ORDER BY value LIMIT 200
MATCH (x)-[r]->(y)
WHERE type(r) = $type AND r.evidence_quotes IS NOT NULL
UNWIND range(0, size(r.evidence_quotes) - 1) AS i
OPTIONAL MATCH (a:Article {id: r.evidence_articles[i]})
RETURN x, r, y,
       coalesce(x.name, x.title, x.id) AS source,
       coalesce(y.name, y.title, y.id) AS target,
       r.evidence_quotes[i] AS quote,
       a.title AS article,
       a.outlet AS outlet,
       a.published AS published
ORDER BY source, target, published
LIMIT 500
