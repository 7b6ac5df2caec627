-- The two network vertices a walk through a street joins: those of the street's own edges nearest
-- to the street's two farthest-apart points. A street without walkable edges gets NULL vertices.
-- Params: $1 municipality_id, $2 street ids (bigint[]). Returns street_id, name, a_vertex, b_vertex.
SELECT s.id AS street_id, s.name, a.id AS a_vertex, b.id AS b_vertex
FROM streets s
CROSS JOIN LATERAL (SELECT ST_LongestLine(s.geom, s.geom) AS l) far
LEFT JOIN LATERAL (
  SELECT v.id FROM walk_edges e JOIN walk_vertices v ON v.id IN (e.source, e.target)
  WHERE e.street_id = s.id ORDER BY v.geom <-> ST_StartPoint(far.l), v.id LIMIT 1
) a ON true
LEFT JOIN LATERAL (
  SELECT v.id FROM walk_edges e JOIN walk_vertices v ON v.id IN (e.source, e.target)
  WHERE e.street_id = s.id ORDER BY v.geom <-> ST_EndPoint(far.l), v.id LIMIT 1
) b ON true
WHERE s.municipality_id = $1 AND s.id = ANY ($2::bigint[])
ORDER BY s.id
