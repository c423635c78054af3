// title: Most connected entities
// description: >-
//   The entities with the most relationships (article mentions not counted), of any kind or of
//   one label: the hubs of the story.
// group: Connections
// needs: {}
// params:
//   - name: label
//     type: string
//     label: Kind
//     description: Any label of the database; left empty, every node but articles and claims.
//     default: null
//     suggest: CALL db.labels() YIELD label RETURN label AS value, label AS label ORDER BY label
//   - name: limit
//     type: integer
//     label: How many
//     default: 20
//     min: 1
//     max: 200
MATCH (x)
WHERE CASE WHEN $label IS NULL THEN none(l IN labels(x) WHERE l IN ['Article', 'Claim']) ELSE $label IN labels(x) END
WITH x, COUNT { (x)-[r]-() WHERE type(r) <> 'MENTIONS' } AS degree
RETURN x,
       coalesce(x.name, x.title, toString(x.id), elementId(x)) AS entity,
       [l IN labels(x) WHERE l <> 'Entity'][0] AS kind,
       degree
ORDER BY degree DESC, entity
LIMIT $limit
