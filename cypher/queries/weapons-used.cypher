// title: Weapons used, and by whom
// description: >-
//   Every event in which a weapon type was used, who the event is attributed to, and on whose
//   word the weapon identification rests.
// group: Weapons
// needs:
//   labels: [Event, Weapon]
//   types: [USED_WEAPON]
MATCH (e:Event)-[u:USED_WEAPON]->(w:Weapon)
OPTIONAL MATCH (e)-[att:ATTRIBUTED_TO]->(actor)
OPTIONAL MATCH (src:Entity {id: u.according_to})
WITH e, u, w, src, collect(DISTINCT actor.name) AS attributedTo
RETURN e, u, w,
       w.name AS weapon,
       w.kind AS kind,
       e.name AS event,
       coalesce(e.date, e.date_from) AS dateFrom,
       coalesce(e.date, e.date_to) AS dateTo,
       attributedTo,
       u.role AS role,
       src.name AS accordingTo,
       u.quote AS quote
ORDER BY weapon, coalesce(dateFrom, dateTo), dateTo
LIMIT 300
