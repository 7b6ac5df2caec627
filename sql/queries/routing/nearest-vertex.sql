-- The walking-network vertex nearest to a point given in EPSG:4326, among vertices with at least
-- one edge. Params: $1 municipality_id, $2 longitude, $3 latitude.
-- Returns id, distance_m.
SELECT v.id::text AS id, ST_Distance(v.geom, p.g) AS distance_m
FROM (SELECT ST_Transform(ST_SetSRID(ST_MakePoint($2, $3), 4326), 28992) AS g) p
CROSS JOIN LATERAL (
  SELECT v.id, v.geom FROM walk_vertices v
  WHERE v.municipality_id = $1 AND EXISTS (SELECT 1 FROM walk_edges e WHERE e.source = v.id OR e.target = v.id)
  ORDER BY v.geom <-> p.g LIMIT 1
) v
