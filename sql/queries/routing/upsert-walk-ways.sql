-- Stores the walkable ways of an import (staged in the temp table osm_walk_way), replacing their
-- tags and geometry. Params: $1 municipality_id. Returns nothing.
INSERT INTO walk_ways (municipality_id, source_key, name, highway, geom)
SELECT DISTINCT ON (o.key) $1, o.key, o.name, o.highway,
       ST_Transform(ST_SetSRID(ST_GeomFromGeoJSON(o.geom), 4326), 28992)
FROM osm_walk_way o
ORDER BY o.key
ON CONFLICT (municipality_id, source_key) DO UPDATE
  SET name = EXCLUDED.name, highway = EXCLUDED.highway, geom = EXCLUDED.geom
