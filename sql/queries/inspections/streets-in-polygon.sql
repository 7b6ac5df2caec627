-- Streets of a municipality that run through a polygon. Params: $1 municipality_id, $2 polygon
-- (GeoJSON, EPSG:4326). Returns id.
SELECT s.id::int FROM streets s
WHERE s.municipality_id = $1 AND s.geom IS NOT NULL
  AND ST_Intersects(s.geom, ST_Transform(ST_SetSRID(ST_GeomFromGeoJSON($2), 4326), 28992))
ORDER BY s.id
