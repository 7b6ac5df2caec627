-- The inspections a user is a team member of, from $2 on, with their streets in walking order.
-- Params: $1 user id, $2 earliest start (timestamptz).
-- Returns id, municipality_code, municipality_name, title, starts_at, status, route_minutes,
-- route_start_label, updated_at, streets (text[]), team (int: members).
SELECT i.id, m.code AS municipality_code, m.name AS municipality_name, i.title, i.starts_at, i.status,
  i.route_minutes, i.route_start_label, i.updated_at,
  ARRAY(SELECT s.name FROM inspection_streets st JOIN streets s ON s.id = st.street_id
        WHERE st.inspection_id = i.id ORDER BY st.position NULLS LAST, s.name) AS streets,
  (SELECT count(*)::int FROM inspection_members x WHERE x.inspection_id = i.id) AS team
FROM inspection_members im
JOIN inspections i ON i.id = im.inspection_id
JOIN municipalities m ON m.id = i.municipality_id
WHERE im.user_id = $1 AND i.starts_at >= $2
ORDER BY i.starts_at, i.id
