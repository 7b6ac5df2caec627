-- The evenings of some municipalities, newest first. Params: $1 municipality ids (int[]).
-- Returns id, municipality_code, title, starts_at, ends_at, venue_name, capacity, status, invited, confirmed_people.
SELECT e.id::int, m.code AS municipality_code, e.title, e.starts_at, e.ends_at, e.venue_name, e.capacity, e.status,
       (SELECT count(*)::int FROM evening_invitations i WHERE i.evening_id = e.id) AS invited,
       coalesce((SELECT sum(people)::int FROM evening_signups s WHERE s.evening_id = e.id AND s.status = 'confirmed'), 0) AS confirmed_people
FROM evenings e JOIN municipalities m ON m.id = e.municipality_id
WHERE e.municipality_id = ANY ($1::int[])
ORDER BY e.starts_at DESC, e.id DESC
LIMIT 500
