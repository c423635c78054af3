// title: Who carried out each strike
// description: >-
//   Strikes and attacks with the actor the articles attribute them to, on what basis (stated
//   fact, admission, one side's claim) and the place hit.
// group: Events
// needs:
//   labels: [Event]
//   types: [ATTRIBUTED_TO]
MATCH (e:Event)-[att:ATTRIBUTED_TO]->(actor)
WHERE e.kind IN ['strike', 'attack', 'accidental-release', 'barrage', 'shelling', 'explosion', 'occupation', 'military-advance', 'offensive']
OPTIONAL MATCH (e)-[:HIT|TARGETED]->(target)
OPTIONAL MATCH (src:Entity {id: att.according_to})
WITH e, att, actor, src, collect(DISTINCT target.name) AS targets
RETURN e, att, actor,
       coalesce(e.date, e.date_from) AS dateFrom,
       coalesce(e.date, e.date_to) AS dateTo,
       e.name AS event,
       actor.name AS attributedTo,
       att.basis AS basis,
       src.name AS accordingTo,
       targets
ORDER BY coalesce(dateFrom, dateTo), dateTo, event
LIMIT 200
