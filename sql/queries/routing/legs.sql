-- The legs of a walk: the shortest path (pgr_dijkstra, undirected) between each given pair of
-- vertices on the municipality's edges within 1.5 km of their extent, with each leg's geometry
-- (edges turned to the walking direction, EPSG:28992 as WKB hex), length and the street ids in
-- walking order. Params: $1 municipality_id, $2 from vertex ids (bigint[]), $3 to vertex ids
-- (bigint[], pairwise with $2). Returns from_vid, to_vid, geom (EWKB hex), geojson (EPSG:4326),
-- length_m, and per edge in walking order street_ids, names and lengths.
WITH box AS (
  SELECT ST_Expand(ST_Extent(v.geom)::geometry, 1500) AS g
  FROM walk_vertices v WHERE v.id = ANY ($2::bigint[] || $3::bigint[])
),
steps AS (
  SELECT d.start_vid, d.end_vid, d.path_seq, e.street_id, s.name,
         CASE WHEN e.source = d.node THEN e.geom ELSE ST_Reverse(e.geom) END AS g
  FROM box
  CROSS JOIN LATERAL pgr_dijkstra(
    format(
      'SELECT id, source, target, cost, reverse_cost FROM walk_edges WHERE municipality_id = %s AND geom && %L::geometry',
      $1::int, box.g),
    format('SELECT DISTINCT f AS source, t AS target FROM unnest(%L::bigint[], %L::bigint[]) AS p(f, t) WHERE f <> t', $2::bigint[], $3::bigint[]),
    directed := false
  ) d
  JOIN walk_edges e ON e.id = d.edge
  LEFT JOIN streets s ON s.id = e.street_id
)
SELECT start_vid AS from_vid, end_vid AS to_vid,
       encode(ST_AsEWKB(ST_MakeLine(g ORDER BY path_seq)), 'hex') AS geom,
       ST_AsGeoJSON(ST_Transform(ST_MakeLine(g ORDER BY path_seq), 4326), 7) AS geojson,
       sum(ST_Length(g)) AS length_m,
       array_agg(street_id ORDER BY path_seq) AS street_ids,
       array_agg(name ORDER BY path_seq) AS names,
       array_agg(ST_Length(g) ORDER BY path_seq) AS lengths
FROM steps
GROUP BY start_vid, end_vid
