-- Located incidents of a period as plain numbers, for the space-time pair search in
-- TypeScript (near-repeat clusters, Knox test). Points put on the middle of a street are not
-- exact and are left out.
-- Params: $1 municipality id, $2 from, $3 to.
-- Returns: id, x, y (RD metres), t (days since 1970, fractional).
SELECT id, ST_X(geom) AS x, ST_Y(geom) AS y, extract(epoch FROM occurred_from)::float8 / 86400 AS t
FROM incidents
WHERE municipality_id = $1 AND occurred_from >= $2 AND occurred_from < $3
  AND geom IS NOT NULL AND location_source IS DISTINCT FROM 'street'
ORDER BY id
