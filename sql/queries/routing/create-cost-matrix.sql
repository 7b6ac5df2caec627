-- The walking distances (metres) between every pair of the given vertices, with pgRouting's
-- pgr_dijkstraCostMatrix on the municipality's edges within 1.5 km of the vertices' extent, kept
-- for this transaction in the temp table walk_matrix (pgr_TSP reads it). Unreachable pairs are
-- missing. Params: $1 municipality_id, $2 vertex ids (bigint[]). Returns nothing.
CREATE TEMP TABLE walk_matrix ON COMMIT DROP AS
SELECT m.start_vid, m.end_vid, m.agg_cost
FROM (
  SELECT ST_Expand(ST_Extent(v.geom)::geometry, 1500) AS box
  FROM walk_vertices v WHERE v.id = ANY ($2::bigint[])
) b
CROSS JOIN LATERAL pgr_dijkstraCostMatrix(
  format(
    'SELECT id, source, target, cost, reverse_cost FROM walk_edges WHERE municipality_id = %s AND geom && %L::geometry',
    $1::int, b.box),
  $2::bigint[],
  directed := false
) m
