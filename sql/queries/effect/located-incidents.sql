-- Located burglaries of a municipality that began in a time range, as points in RD New metres
-- (measure 1 counts follow-ons from them: server/effect/near-repeat-counts.ts).
-- Params: $1 municipality id, $2 from (timestamptz), $3 to (timestamptz, exclusive).
-- In time order (then id): the counting need not sort them.
-- Returns id, x, y (float8, EPSG:28992), t (float8, ms since the epoch).
SELECT id, ST_X(geom) AS x, ST_Y(geom) AS y, extract(epoch FROM occurred_from) * 1000 AS t
FROM incidents
WHERE municipality_id = $1 AND geom IS NOT NULL AND occurred_from >= $2 AND occurred_from < $3
ORDER BY occurred_from, id
