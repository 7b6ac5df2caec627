-- Burglary activity per street in a period: count, attempts vs completed, last date, modus
-- operandi breakdown, residential addresses on the street (streets.residential_addresses,
-- kept by triggers, migration 0011) and burglaries per 1,000 of them.
-- Params: $1 municipality id, $2 from (inclusive), $3 to (exclusive).
-- Returns: street_id, name, place, n, attempts, completed, last_at, mo (jsonb code -> n),
--          addresses, per_1000, geometry (GeoJSON, EPSG:4326; null for a street known by name only).
WITH inc AS (
  SELECT street_id, modus_operandi, attempt, occurred_from
  FROM incidents
  WHERE municipality_id = $1 AND occurred_from >= $2 AND occurred_from < $3 AND street_id IS NOT NULL
),
per_street AS (
  SELECT street_id, count(*)::int AS n, count(*) FILTER (WHERE attempt)::int AS attempts, max(occurred_from) AS last_at
  FROM inc GROUP BY street_id
),
mo AS (
  SELECT street_id, jsonb_object_agg(modus_operandi, n ORDER BY modus_operandi) AS mo
  FROM (SELECT street_id, modus_operandi, count(*)::int AS n FROM inc GROUP BY 1, 2) m
  GROUP BY street_id
)
SELECT s.id::int AS street_id, s.name, s.place, p.n, p.attempts, p.n - p.attempts AS completed, p.last_at,
       mo.mo, s.residential_addresses AS addresses,
       CASE WHEN s.residential_addresses > 0 THEN round(1000.0 * p.n / s.residential_addresses, 1)::float8 END AS per_1000,
       ST_AsGeoJSON(ST_Transform(s.geom, 4326), 6)::jsonb AS geometry
FROM per_street p
JOIN streets s ON s.id = p.street_id
JOIN mo ON mo.street_id = p.street_id
ORDER BY p.n DESC, s.name, s.id
