-- Inserts or updates the staged OpenStreetMap street segments (keyed by source 'osm' and way id).
-- The WHERE clause keeps every segment within the municipality, or takes it from the one
-- --move-from names: a concurrent import cannot move one either (checked again by the importer).
-- Params: $1 municipality id, $2 id of the --move-from municipality or null; runs on osm_segment.
-- Returns per segment changed: inserted (true when new).
INSERT INTO street_segments (street_id, source, source_key, highway, geom)
SELECT DISTINCT ON (o.key) st.id, 'osm', o.key, o.highway,
       ST_Transform(ST_SetSRID(ST_GeomFromGeoJSON(o.geom), 4326), 28992)
FROM osm_segment o JOIN streets st ON st.municipality_id = $1 AND st.name = o.name
ORDER BY o.key, st.place
ON CONFLICT (source, source_key) DO UPDATE
  SET street_id = EXCLUDED.street_id, highway = EXCLUDED.highway, geom = EXCLUDED.geom
  WHERE (SELECT s.municipality_id FROM streets s WHERE s.id = street_segments.street_id) IN ($1, $2)
    AND (street_segments.street_id, street_segments.highway, ST_AsBinary(street_segments.geom))
        IS DISTINCT FROM (EXCLUDED.street_id, EXCLUDED.highway, ST_AsBinary(EXCLUDED.geom))
RETURNING (xmax = 0) AS inserted
