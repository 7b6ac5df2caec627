-- Burglary activity per street in a period: count, attempts vs completed, last date, modus
-- operandi breakdown, residential addresses on the street and burglaries per 1,000 of them.
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
),
adr AS (
  SELECT a.street_id, count(*)::int AS addresses
  FROM addresses a JOIN per_street p ON p.street_id = a.street_id
  WHERE a.residential
  GROUP BY a.street_id
)
SELECT s.id::int AS street_id, s.name, s.place, p.n, p.attempts, p.n - p.attempts AS completed, p.last_at,
       mo.mo, coalesce(adr.addresses, 0) AS addresses,
       CASE WHEN adr.addresses > 0 THEN round(1000.0 * p.n / adr.addresses, 1)::float8 END AS per_1000,
       ST_AsGeoJSON(ST_Transform(s.geom, 4326), 6)::jsonb AS geometry
FROM per_street p
JOIN streets s ON s.id = p.street_id
JOIN mo ON mo.street_id = p.street_id
LEFT JOIN adr ON adr.street_id = p.street_id
ORDER BY p.n DESC, s.name, s.id
