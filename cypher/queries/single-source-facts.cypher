// title: Facts resting on a single source
// description: >-
//   Relationships supported by at most N articles (default 1): the links to double-check
//   before relying on them.
// group: Sources
// needs:
//   labels: [Article]
// params:
//   - name: maxSources
//     type: integer
//     label: At most this many articles
//     default: 1
//     min: 1
//     max: 10
MATCH (x)-[r]->(y)
WHERE r.sources IS NOT NULL AND r.sources <= $maxSources AND NOT type(r) IN ['MENTIONS', 'REPORTS', 'PUBLISHED_BY']
OPTIONAL MATCH (a:Article {id: r.article})
RETURN x, r, y,
       coalesce(x.name, x.statement, x.id) AS subject,
       type(r) AS relation,
       coalesce(y.name, y.statement, y.id) AS object,
       r.sources AS sources,
       r.according_to AS accordingTo,
       r.quote AS quote,
       a.outlet AS outlet
ORDER BY relation, subject
LIMIT 500
