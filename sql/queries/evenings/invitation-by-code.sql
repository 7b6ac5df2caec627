-- An invitation by its sign-up code, with its evening (public fields only) and the sign-up, if any.
-- Params: $1 code. Returns invitation_id, evening_id, municipality_code, title, starts_at, ends_at,
-- venue_name, lon, lat, language, area_streets, status, capacity, confirmed_people, people,
-- signup_status, waiting_position, has_contact.
SELECT i.id::int AS invitation_id, e.id::int AS evening_id, m.code AS municipality_code, e.title,
       e.starts_at, e.ends_at, e.venue_name,
       ST_X(ST_Transform(e.venue_geom, 4326)) AS lon, ST_Y(ST_Transform(e.venue_geom, 4326)) AS lat,
       e.language, e.area_streets, e.status, e.capacity,
       coalesce((SELECT sum(o.people)::int FROM evening_signups o WHERE o.evening_id = e.id AND o.status = 'confirmed'), 0) AS confirmed_people,
       s.people, s.status AS signup_status,
       CASE WHEN s.status = 'waiting' THEN
         (SELECT count(*)::int + 1 FROM evening_signups w
          WHERE w.evening_id = e.id AND w.status = 'waiting' AND (w.waiting_since, w.invitation_id) < (s.waiting_since, s.invitation_id))
       END AS waiting_position,
       (s.name IS NOT NULL OR s.email IS NOT NULL) AS has_contact
FROM evening_invitations i
JOIN evenings e ON e.id = i.evening_id
JOIN municipalities m ON m.id = e.municipality_id
LEFT JOIN evening_signups s ON s.invitation_id = i.id
WHERE i.code = $1
