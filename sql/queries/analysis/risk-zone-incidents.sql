-- The incidents that make risk zones at a moment: located exactly (not put on the middle of
-- a street), within the watch period before `at`.
-- Params: $1 municipality id, $2 at, $3 watch days.
-- Returns: id, x, y (RD metres), occurred_from, street_id, street_name.
SELECT i.id, ST_X(i.geom) AS x, ST_Y(i.geom) AS y, i.occurred_from, i.street_id::int, s.name AS street_name
FROM incidents i
LEFT JOIN streets s ON s.id = i.street_id
WHERE i.municipality_id = $1 AND i.geom IS NOT NULL AND i.location_source IS DISTINCT FROM 'street'
  AND i.occurred_from <= $2 AND i.occurred_from > $2 - make_interval(secs => $3::float8 * 86400)
ORDER BY i.id
