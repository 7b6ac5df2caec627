-- The lines of a municipality's streets for the open-data GeoJSON: WGS84, simplified to 1 m and
-- written with 5 decimals (about 1 m). Streets are public geometry (OpenStreetMap, ODbL).
-- Params: $1 municipality_id.
-- Returns id, geometry (GeoJSON text).
SELECT s.id, ST_AsGeoJSON(ST_Transform(ST_Simplify(s.geom, 1), 4326), 5) AS geometry
FROM streets s
WHERE s.municipality_id = $1 AND s.geom IS NOT NULL
ORDER BY s.id
