-- A base map vector tile from the project's own OpenStreetMap data (basemap_features, EPSG:3857):
-- layers water, landuse, building, waterway, railway, road. Small features only from zoom 14.
-- Params: $1 z, $2 x, $3 y. Returns mvt (bytea; empty when nothing is in the tile).
WITH b AS (SELECT ST_TileEnvelope($1, $2, $3) AS env),
f AS (
  SELECT bf.layer, bf.class, bf.name, ST_AsMVTGeom(bf.geom, b.env, 4096, 64, true) AS geom
  FROM basemap_features bf CROSS JOIN b
  WHERE bf.geom && b.env
    AND (bf.layer IN ('water', 'waterway', 'railway')
      OR (bf.layer = 'landuse' AND $1 >= 11)
      OR (bf.layer = 'building' AND $1 >= 14)
      OR (bf.layer = 'road' AND (bf.class IN ('major', 'street') OR $1 >= 14)))
)
SELECT COALESCE((SELECT ST_AsMVT(w, 'water', 4096, 'geom') FROM (SELECT class, geom FROM f WHERE layer = 'water' AND geom IS NOT NULL) w), ''::bytea)
    || COALESCE((SELECT ST_AsMVT(l, 'landuse', 4096, 'geom') FROM (SELECT class, geom FROM f WHERE layer = 'landuse' AND geom IS NOT NULL) l), ''::bytea)
    || COALESCE((SELECT ST_AsMVT(bu, 'building', 4096, 'geom') FROM (SELECT geom FROM f WHERE layer = 'building' AND geom IS NOT NULL) bu), ''::bytea)
    || COALESCE((SELECT ST_AsMVT(ww, 'waterway', 4096, 'geom') FROM (SELECT class, name, geom FROM f WHERE layer = 'waterway' AND geom IS NOT NULL) ww), ''::bytea)
    || COALESCE((SELECT ST_AsMVT(rw, 'railway', 4096, 'geom') FROM (SELECT class, geom FROM f WHERE layer = 'railway' AND geom IS NOT NULL) rw), ''::bytea)
    || COALESCE((SELECT ST_AsMVT(r, 'road', 4096, 'geom') FROM (SELECT class, name, geom FROM f WHERE layer = 'road' AND geom IS NOT NULL) r), ''::bytea)
    AS mvt
