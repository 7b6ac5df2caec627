-- Details of near-repeat clusters from their membership: time span, attempts, convex hull,
-- centroid and streets. Grouped per (cluster, street) first, then per cluster, so no join
-- between two aggregates is needed (the planner cannot estimate unnest() sizes).
-- Params: $1 incident ids (bigint[]), $2 cluster numbers (int[], same order as $1).
-- Returns: cluster, first_at, last_at, attempts, hull (GeoJSON, EPSG:4326), centroid (GeoJSON),
--          streets (jsonb [{id, name, n}], most incidents first).
WITH m AS (
  SELECT u.id, u.cluster FROM unnest($1::bigint[], $2::int[]) AS u(id, cluster)
),
by_street AS (
  SELECT m.cluster, i.street_id, count(*)::int AS n, min(i.occurred_from) AS first_at, max(i.occurred_from) AS last_at,
         count(*) FILTER (WHERE i.attempt)::int AS attempts, ST_Collect(i.geom) AS g
  FROM m JOIN incidents i ON i.id = m.id
  GROUP BY 1, 2
)
SELECT b.cluster, min(b.first_at) AS first_at, max(b.last_at) AS last_at, sum(b.attempts)::int AS attempts,
       ST_AsGeoJSON(ST_Transform(ST_ConvexHull(ST_Collect(b.g)), 4326), 6)::jsonb AS hull,
       ST_AsGeoJSON(ST_Transform(ST_Centroid(ST_Collect(b.g)), 4326), 6)::jsonb AS centroid,
       coalesce(jsonb_agg(jsonb_build_object('id', b.street_id, 'name', s.name, 'n', b.n) ORDER BY b.n DESC, s.name)
                FILTER (WHERE b.street_id IS NOT NULL), '[]'::jsonb) AS streets
FROM by_street b
LEFT JOIN streets s ON s.id = b.street_id
GROUP BY b.cluster
