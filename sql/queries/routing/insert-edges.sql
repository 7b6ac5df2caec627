-- The edges of the walking network: each walkable way cut at its vertices (walk_vertices), with
-- source and target vertex ids and its length in metres as cost in both directions (pgRouting's
-- edge table). A piece of a named street keeps that street's id. Params: $1 municipality_id.
-- Returns nothing.
WITH pts AS (
  SELECT w.id AS way_id, d.path[1] AS idx, d.geom, v.id AS vertex_id
  FROM walk_ways w
  CROSS JOIN LATERAL ST_DumpPoints(w.geom) d
  LEFT JOIN LATERAL (
    SELECT v.id FROM walk_vertices v WHERE v.municipality_id = $1 AND v.geom ~= d.geom LIMIT 1
  ) v ON true
  WHERE w.municipality_id = $1
),
numbered AS (
  SELECT way_id, idx, geom, vertex_id,
         count(vertex_id) OVER (PARTITION BY way_id ORDER BY idx) AS piece
  FROM pts
),
pieces AS (
  SELECT way_id, piece, idx, geom FROM numbered
  UNION ALL
  -- A vertex inside a way ends the piece before it as well as starting its own.
  SELECT way_id, piece - 1, idx, geom FROM numbered WHERE vertex_id IS NOT NULL AND piece > 1
),
lines AS (
  SELECT way_id, ST_MakeLine(geom ORDER BY idx) AS geom
  FROM pieces GROUP BY way_id, piece HAVING count(*) >= 2
)
INSERT INTO walk_edges (municipality_id, way_id, street_id, source, target, cost, reverse_cost, geom)
SELECT $1, l.way_id, ss.street_id, vs.id, vt.id, ST_Length(l.geom), ST_Length(l.geom), l.geom
FROM lines l
JOIN walk_ways w ON w.id = l.way_id
JOIN walk_vertices vs ON vs.municipality_id = $1 AND vs.geom ~= ST_StartPoint(l.geom)
JOIN walk_vertices vt ON vt.municipality_id = $1 AND vt.geom ~= ST_EndPoint(l.geom)
LEFT JOIN street_segments ss ON ss.source = 'osm' AND ss.source_key = w.source_key
