-- Burglaries of a period counted per 100 m square (EPSG:28992), for the factsheet's map: the
-- map shows where burglaries were without any exact place (a square holds many homes).
-- Params: $1 municipality id, $2 from (timestamptz), $3 to (timestamptz, exclusive).
-- Returns lon, lat (float8, EPSG:4326, the square's centre), n (int, burglaries in the square).
SELECT ST_X(c) AS lon, ST_Y(c) AS lat, n
FROM (
  SELECT ST_Transform(ST_SetSRID(ST_MakePoint(floor(ST_X(geom) / 100) * 100 + 50,
                                              floor(ST_Y(geom) / 100) * 100 + 50), 28992), 4326) AS c,
         count(*)::int AS n
  FROM incidents
  WHERE municipality_id = $1 AND geom IS NOT NULL AND occurred_from >= $2 AND occurred_from < $3
  GROUP BY floor(ST_X(geom) / 100), floor(ST_Y(geom) / 100)
) cells
