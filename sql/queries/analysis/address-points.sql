-- The residential address points of a municipality in RD New, sorted into rows of $2 metres by
-- y and by x within a row (server/analysis/address-index.ts).
-- Params: $1 municipality id, $2 row height in metres. Returns: id, x, y.
SELECT id, ST_X(geom) AS x, ST_Y(geom) AS y FROM addresses WHERE municipality_id = $1 AND residential
ORDER BY floor(ST_Y(geom) / $2), ST_X(geom)
