-- Residential addresses inside a polygon. Params: $1 municipality_id, $2 GeoJSON Polygon/MultiPolygon (EPSG:4326, text).
-- Returns id.
WITH area AS (SELECT ST_Transform(ST_SetSRID(ST_GeomFromGeoJSON($2), 4326), 28992) AS g)
SELECT a.id FROM addresses a, area
WHERE a.municipality_id = $1 AND a.residential AND a.geom && area.g AND ST_Intersects(a.geom, area.g)
