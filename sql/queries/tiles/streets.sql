-- Officer vector tile of streets (layer 'streets') with their incident count in a period.
-- Params: $1 z, $2 x, $3 y, $4 municipality ids (int[]), $5 from, $6 to.
-- Returns: one row, mvt (bytea; empty when no street is in the tile).
WITH bounds AS (
  SELECT ST_TileEnvelope($1, $2, $3) AS env,
         ST_Transform(ST_TileEnvelope($1, $2, $3, margin => 64.0 / 4096), 28992) AS env_rd
),
seg AS (
  SELECT ss.street_id, ST_AsMVTGeom(ST_Transform(ss.geom, 3857), b.env, 4096, 64, true) AS geom
  FROM street_segments ss JOIN streets s ON s.id = ss.street_id, bounds b
  WHERE ss.geom && b.env_rd AND s.municipality_id = ANY($4::int[])
),
n AS (
  SELECT i.street_id, count(*)::int AS incidents
  FROM incidents i
  WHERE i.street_id IN (SELECT street_id FROM seg) AND i.occurred_from >= $5 AND i.occurred_from < $6
  GROUP BY i.street_id
),
mvt AS (
  SELECT seg.geom, s.id, s.name, coalesce(n.incidents, 0) AS incidents
  FROM seg JOIN streets s ON s.id = seg.street_id LEFT JOIN n ON n.street_id = seg.street_id
  WHERE seg.geom IS NOT NULL
)
SELECT ST_AsMVT(mvt.*, 'streets', 4096, 'geom') AS mvt FROM mvt
