// title: Officials and their organizations
// description: >-
//   Who leads, speaks for, advises, governs or works for which body or country, with the title
//   the articles give and the supporting quote.
// group: People
// needs:
//   labels: [Person, Organization]
MATCH (p:Person)-[r]->(o)
// The types as a list, not a pattern: a type no article has used yet (MEMBER_OF in the seed) would
// otherwise make Neo4j warn about an unknown relationship type on every run.
WHERE type(r) IN ['LEADS', 'HOLDS_OFFICE', 'SPOKESPERSON_FOR', 'GOVERNOR_OF', 'ADVISOR_TO', 'WORKS_FOR', 'MEMBER_OF']
RETURN p, r, o,
       p.name AS person,
       type(r) AS relation,
       coalesce(r.title, p.role) AS title,
       o.name AS organization,
       r.quote AS quote
ORDER BY organization, person
LIMIT 300
