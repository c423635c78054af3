// title: Most connected entities
// description: >-
//   The entities with the most relationships (article mentions not counted), per kind: the hubs
//   of the story.
// group: Connections
// params:
//   - name: label
//     type: string
//     label: Kind
//     default: Entity
//     options: [Entity, Person, Organization, Place, Event, Weapon]
//   - name: limit
//     type: integer
//     label: How many
//     default: 20
//     min: 1
//     max: 200
MATCH (x:Entity)
WHERE $label IN labels(x)
WITH x, COUNT { (x)-[r]-() WHERE type(r) <> 'MENTIONS' } AS degree
RETURN x,
       x.name AS entity,
       [l IN labels(x) WHERE l <> 'Entity'][0] AS kind,
       degree
ORDER BY degree DESC, entity
LIMIT $limit
