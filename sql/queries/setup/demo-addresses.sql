-- The residential addresses of a municipality the demo incidents are placed at, in a stable
-- order (by source key) so that the same seed gives the same incidents.
-- Params: $1 municipality id. Returns: id, street_id, street_name, x, y (RD New).
SELECT id::int, street_id::int, street_name, ST_X(geom) AS x, ST_Y(geom) AS y
FROM addresses WHERE municipality_id = $1 AND residential ORDER BY source, source_key
