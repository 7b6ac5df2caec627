-- The incident a cocoon or victim letter is about. Params: $1 incident id. Returns id, municipality_id, address_id, has_geom.
SELECT id, municipality_id, address_id, geom IS NOT NULL AS has_geom FROM incidents WHERE id = $1
