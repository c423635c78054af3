// title: Shortest paths between two entities
// description: >-
//   All shortest connections between two entities (up to six steps). By default links that only
//   say "this article mentions both" are not followed; set "Follow article mentions" to include
//   them.
// group: Connections
// needs: {}
// params:
//   - name: from
//     type: entity
//     label: From
//     default: vyacheslav-gladkov
//   - name: to
//     type: entity
//     label: To
//     default: volodymyr-zelensky
//     distinct: from
//   - name: viaArticles
//     type: boolean
//     label: Follow article mentions
//     default: false
MATCH (a) WHERE elementId(a) = $from
MATCH (b) WHERE elementId(b) = $to
MATCH p = allShortestPaths((a)-[*..6]-(b))
WHERE all(r IN relationships(p) WHERE $viaArticles OR NOT type(r) IN ['MENTIONS', 'PUBLISHED_BY', 'WRITTEN_BY', 'CONTRIBUTED_TO', 'PHOTO_CREDIT'])
RETURN p, length(p) AS hops, [n IN nodes(p) | coalesce(n.name, n.title, n.statement, n.id)] AS route
LIMIT 25
