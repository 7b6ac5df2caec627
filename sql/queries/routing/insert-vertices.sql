-- The vertices of the walking network: both ends of every walkable way and every OSM node that
-- two ways share (a junction), or one way passes twice. Exact coordinates: ways that share an OSM
-- node carry the same transformed point. Params: $1 municipality_id. Returns nothing.
WITH pts AS (
  SELECT w.id AS way_id, d.path[1] AS idx, d.geom, count(*) OVER (PARTITION BY w.id) AS n
  FROM walk_ways w CROSS JOIN LATERAL ST_DumpPoints(w.geom) d
  WHERE w.municipality_id = $1
),
shared AS (
  SELECT ST_AsBinary(geom) AS k FROM pts GROUP BY 1 HAVING count(*) > 1
)
INSERT INTO walk_vertices (municipality_id, geom)
SELECT DISTINCT ON (ST_AsBinary(p.geom)) $1, p.geom
FROM pts p
WHERE p.idx = 1 OR p.idx = p.n OR ST_AsBinary(p.geom) IN (SELECT k FROM shared)
