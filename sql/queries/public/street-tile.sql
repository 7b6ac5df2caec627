-- A public vector tile: street lines with their public figure band, nothing else.
-- Params: $1 z, $2 x, $3 y, $4 municipality_id, $5 figures jsonb [{id, band, n}] (n NULL when hidden).
-- Returns mvt (bytea; empty when no street crosses the tile).
WITH b AS (
  SELECT ST_TileEnvelope($1, $2, $3) AS env,
         ST_Expand(ST_Transform(ST_TileEnvelope($1, $2, $3), 28992), 50) AS env_rd
), f AS (
  SELECT * FROM jsonb_to_recordset($5::jsonb) AS f(id bigint, band text, n int)
), t AS (
  SELECT s.id::int AS id, s.name, f.band, f.n,
         ST_AsMVTGeom(ST_Transform(s.geom, 3857), b.env, 4096, 64, true) AS geom
  FROM streets s JOIN f ON f.id = s.id CROSS JOIN b
  WHERE s.municipality_id = $4 AND s.geom && b.env_rd
)
SELECT ST_AsMVT(t, 'streets', 4096, 'geom') AS mvt FROM t WHERE t.geom IS NOT NULL
