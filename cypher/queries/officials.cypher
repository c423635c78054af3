// title: Officials and their organizations
// description: >-
//   Who leads, speaks for, advises, governs or works for which body or country, with the title
//   the articles give and the supporting quote.
// group: People
// needs:
//   labels: [Person, Organization]
MATCH (p:Person)-[r:LEADS|HOLDS_OFFICE|SPOKESPERSON_FOR|GOVERNOR_OF|ADVISOR_TO|WORKS_FOR|MEMBER_OF]->(o)
RETURN p, r, o,
       p.name AS person,
       type(r) AS relation,
       coalesce(r.title, p.role) AS title,
       o.name AS organization,
       r.quote AS quote
ORDER BY organization, person
LIMIT 300
