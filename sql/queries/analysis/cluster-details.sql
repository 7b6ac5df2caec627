-- Details of near-repeat clusters from their membership: time span, convex hull and streets.
-- Params: $1 incident ids (bigint[]), $2 cluster numbers (int[], same order as $1).
-- Returns: cluster, members (ids), first_at, last_at, attempts, hull (GeoJSON, EPSG:4326),
--          centroid (GeoJSON), streets (jsonb [{id, name, n}]).
WITH m AS (
  SELECT u.id, u.cluster FROM unnest($1::bigint[], $2::int[]) AS u(id, cluster)
),
j AS (
  SELECT m.cluster, i.* FROM m JOIN incidents i ON i.id = m.id
),
st AS (
  SELECT cluster, jsonb_agg(jsonb_build_object('id', street_id, 'name', name, 'n', n) ORDER BY n DESC, name) AS streets
  FROM (SELECT j.cluster, j.street_id, s.name, count(*)::int AS n FROM j JOIN streets s ON s.id = j.street_id GROUP BY 1, 2, 3) x
  GROUP BY cluster
)
SELECT j.cluster, array_agg(j.id ORDER BY j.occurred_from, j.id)::text[] AS members, min(j.occurred_from) AS first_at,
       max(j.occurred_from) AS last_at, count(*) FILTER (WHERE j.attempt)::int AS attempts,
       ST_AsGeoJSON(ST_Transform(ST_ConvexHull(ST_Collect(j.geom)), 4326), 6)::jsonb AS hull,
       ST_AsGeoJSON(ST_Transform(ST_Centroid(ST_Collect(j.geom)), 4326), 6)::jsonb AS centroid,
       coalesce(st.streets, '[]'::jsonb) AS streets
FROM j LEFT JOIN st ON st.cluster = j.cluster
GROUP BY j.cluster, st.streets
ORDER BY j.cluster
