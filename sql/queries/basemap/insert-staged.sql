-- Moves the staged features into the base map, reprojected once to web mercator (made valid
-- first); a feature staged twice for a layer is kept once. Params: none; runs on basemap_stage.
-- Returns per layer: layer, n (features loaded, as text).
WITH ins AS (
  INSERT INTO basemap_features (source, source_key, layer, class, name, geom)
  SELECT DISTINCT ON (key, layer) 'osm', key, layer, class, name,
         ST_Transform(ST_MakeValid(ST_SetSRID(ST_GeomFromGeoJSON(geom), 4326)), 3857)
  FROM basemap_stage ORDER BY key, layer
  ON CONFLICT (source, source_key, layer) DO NOTHING
  RETURNING layer)
SELECT layer, count(*)::text AS n FROM ins GROUP BY layer
