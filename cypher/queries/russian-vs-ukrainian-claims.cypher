// title: Russian vs Ukrainian claims about the same event
// description: >-
//   For each event with claims from both sides: what Russian officials and bodies said and what
//   Ukrainian ones said. A claimant's side is a person's nationality or an organization's country.
// group: Claims
// needs:
//   labels: [Event, Claim]
//   types: [ABOUT, MADE]
MATCH (e:Event)<-[:ABOUT]-(c:Claim)<-[:MADE]-(who)
WITH e, c, who,
     CASE
       WHEN who.nationality = 'Russian' OR who.country = 'russia' OR who.id = 'russia' THEN 'Russian'
       WHEN who.nationality = 'Ukrainian' OR who.country = 'ukraine' OR who.id = 'ukraine' THEN 'Ukrainian'
     END AS side
WHERE side IS NOT NULL
WITH e, collect(CASE WHEN side = 'Russian' THEN who.name + ': ' + c.statement END) AS russian,
        collect(CASE WHEN side = 'Ukrainian' THEN who.name + ': ' + c.statement END) AS ukrainian,
        collect(c) AS claims
WHERE size(russian) > 0 AND size(ukrainian) > 0
RETURN e, claims,
       e.name AS event,
       coalesce(e.date, e.date_from) AS date,
       russian AS russianClaims,
       ukrainian AS ukrainianClaims
ORDER BY date
LIMIT 100
