// title: What one article says
// description: >-
//   Every relationship an article provides evidence for, and the claims it reports: the
//   article's contribution to the graph.
// group: Sources
// needs:
//   labels: [Article]
// params:
//   - name: article
//     type: entity
//     label: Article
//     labels: [Article]
//     default: wapo-2023-12-30-belgorod-attack
//     suggest: MATCH (a:Article) RETURN a.id AS value, a.outlet + ' — ' + a.title AS label ORDER BY a.published LIMIT 100
MATCH (art:Article) WHERE elementId(art) = $article
MATCH (x)-[r]->(y)
WHERE type(r) <> 'MENTIONS' AND art.id IN coalesce(r.evidence_articles, [r.article])
WITH art, x, r, y,
     [i IN range(0, size(coalesce(r.evidence_articles, [])) - 1) WHERE r.evidence_articles[i] = art.id | r.evidence_quotes[i]] AS quotes
RETURN x, r, y,
       coalesce(x.name, x.statement, x.id) AS subject,
       type(r) AS relation,
       coalesce(y.name, y.statement, y.id) AS object,
       coalesce(quotes[0], r.quote) AS quote
ORDER BY relation, subject
LIMIT 500
