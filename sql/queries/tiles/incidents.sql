-- Officer vector tile of incidents (layer 'incidents'): point, id, attempt, modus operandi,
-- date, street. Params: $1 z, $2 x, $3 y, $4 municipality ids (int[]), $5 from, $6 to.
-- Returns: one row, mvt (bytea; empty when no incident is in the tile).
WITH bounds AS (
  SELECT ST_TileEnvelope($1, $2, $3) AS env,
         -- the && filter in the table's CRS, with the tile buffer as margin
         ST_Transform(ST_TileEnvelope($1, $2, $3, margin => 64.0 / 4096), 28992) AS env_rd
),
mvt AS (
  SELECT ST_AsMVTGeom(ST_Transform(i.geom, 3857), b.env, 4096, 64, true) AS geom,
         i.id, i.attempt, i.modus_operandi, to_char(i.occurred_from AT TIME ZONE 'Europe/Amsterdam', 'YYYY-MM-DD') AS date,
         i.street_id, i.location_source
  FROM incidents i, bounds b
  WHERE i.geom && b.env_rd
    AND i.municipality_id = ANY($4::int[]) AND i.occurred_from >= $5 AND i.occurred_from < $6
)
SELECT ST_AsMVT(mvt.*, 'incidents', 4096, 'geom') AS mvt FROM mvt WHERE geom IS NOT NULL
