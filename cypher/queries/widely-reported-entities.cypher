// title: Entities mentioned by several articles
// description: >-
//   Entities named in at least N articles (default 3), with the outlets that name them: the
//   actors and places the coverage keeps returning to.
// group: Sources
// needs:
//   labels: [Article, Entity]
//   types: [MENTIONS]
// params:
//   - name: minArticles
//     type: integer
//     label: At least this many articles
//     default: 3
//     min: 1
//     max: 50
MATCH (a:Article)-[m:MENTIONS]->(x:Entity)
WITH x, count(DISTINCT a) AS articles, collect(DISTINCT a.outlet) AS outlets, sum(m.count) AS mentions
WHERE articles >= $minArticles
RETURN x,
       x.name AS entity,
       [l IN labels(x) WHERE l <> 'Entity'][0] AS kind,
       articles,
       mentions,
       outlets
ORDER BY articles DESC, mentions DESC, entity
LIMIT 200
