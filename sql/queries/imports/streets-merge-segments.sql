-- Rebuilds the merged geometry of a municipality's streets from their segments (only where it
-- changed). Params: $1 municipality id. Returns nothing.
UPDATE streets s SET geom = g.geom
FROM (SELECT street_id, ST_Multi(ST_LineMerge(ST_Collect(geom)))::geometry(MultiLineString, 28992) AS geom
      FROM street_segments GROUP BY street_id) g
WHERE g.street_id = s.id AND s.municipality_id = $1 AND s.geom IS DISTINCT FROM g.geom
