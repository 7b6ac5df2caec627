-- Geometry of the risk zones at a moment (the zones and their counts are made in
-- server/analysis/risk-zones.ts; this gives the map its shapes): per zone key (street 's12', or
-- 'i34' for an incident without a street) the union of cocoon circles ($3 m around incidents of
-- the last $4 days) and of watch circles ($5 m, last $6 days) minus the cocoon. Circles are
-- 32-gons (within 2 m of the radius at 400 m; address counts use true circles).
-- Params: $1 municipality id, $2 at, $3 cocoon m, $4 cocoon days, $5 watch m, $6 watch days.
-- Returns: id ('cocoon:s12', 'watch:s12'), geometry (GeoJSON, EPSG:4326).
WITH recent AS (
  SELECT i.geom, i.occurred_from, coalesce('s' || i.street_id, 'i' || i.id) AS zkey
  FROM incidents i
  WHERE i.municipality_id = $1 AND i.geom IS NOT NULL AND i.location_source IS DISTINCT FROM 'street'
    AND i.occurred_from <= $2 AND i.occurred_from > $2 - make_interval(secs => $6::float8 * 86400)
),
zones AS (
  SELECT zkey,
         ST_Buffer(ST_Collect(geom) FILTER (WHERE occurred_from > $2 - make_interval(secs => $4::float8 * 86400)), $3::float8, 8) AS cocoon,
         ST_Buffer(ST_Collect(geom), $5::float8, 8) AS watch
  FROM recent GROUP BY zkey
)
SELECT 'cocoon:' || zkey AS id, ST_AsGeoJSON(ST_Transform(cocoon, 4326), 6)::jsonb AS geometry FROM zones WHERE cocoon IS NOT NULL
UNION ALL
SELECT 'watch:' || zkey, ST_AsGeoJSON(ST_Transform(CASE WHEN cocoon IS NULL THEN watch ELSE ST_Difference(watch, cocoon) END, 4326), 6)::jsonb
FROM zones
