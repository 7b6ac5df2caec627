-- Forward-looking risk zones at a moment: around each incident of the last $4 days an inner
-- cocoon ($3 m), around each of the last $6 days an outer watch zone ($5 m, minus the cocoon),
-- merged per street (zone id '<kind>:s<street id>'; an incident without a street gets its own,
-- '<kind>:i<incident id>'); with the residential addresses of the municipality inside.
-- Circles are 64-gons (within 0.5 m of the true radius at 400 m).
-- Params: $1 municipality id, $2 at, $3 cocoon m, $4 cocoon days, $5 watch m, $6 watch days,
--         $7 zone keys to limit to ('s12', 'i34'; text[], NULL = all).
-- Returns: id, kind, street_id, street_name, incidents, last_at, expires_at, addresses, geometry (GeoJSON 4326).
WITH recent AS (
  SELECT i.id, i.geom, i.occurred_from, i.street_id, coalesce('s' || i.street_id, 'i' || i.id) AS zkey
  FROM incidents i
  WHERE i.municipality_id = $1 AND i.geom IS NOT NULL
    AND i.occurred_from <= $2 AND i.occurred_from > $2 - make_interval(secs => $6::float8 * 86400)
),
parts AS (
  SELECT 'cocoon'::text AS kind, zkey, street_id, id, occurred_from, geom, $3::float8 AS r,
         occurred_from + make_interval(secs => $4::float8 * 86400) AS expires
  FROM recent WHERE occurred_from > $2 - make_interval(secs => $4::float8 * 86400)
  UNION ALL
  SELECT 'watch', zkey, street_id, id, occurred_from, geom, $5::float8, occurred_from + make_interval(secs => $6::float8 * 86400)
  FROM recent
),
zones AS (
  SELECT kind, zkey, min(street_id) AS street_id, count(*)::int AS incidents, max(occurred_from) AS last_at,
         max(expires) AS expires_at, ST_Union(ST_Buffer(geom, r, 16)) AS area
  FROM parts
  WHERE $7::text[] IS NULL OR zkey = ANY($7::text[])
  GROUP BY kind, zkey
),
shaped AS (
  SELECT w.kind || ':' || w.zkey AS id, w.kind, w.street_id, w.incidents, w.last_at, w.expires_at,
         CASE WHEN w.kind = 'watch' AND c.area IS NOT NULL THEN ST_Difference(w.area, c.area) ELSE w.area END AS geom
  FROM zones w LEFT JOIN zones c ON w.kind = 'watch' AND c.kind = 'cocoon' AND c.zkey = w.zkey
),
counts AS (
  SELECT z.id, count(a.id)::int AS addresses
  FROM shaped z JOIN addresses a ON ST_Intersects(z.geom, a.geom)
  WHERE a.residential AND a.municipality_id = $1
  GROUP BY z.id
)
SELECT z.id, z.kind, z.street_id::int, s.name AS street_name, z.incidents, z.last_at, z.expires_at,
       coalesce(c.addresses, 0) AS addresses, ST_AsGeoJSON(ST_Transform(z.geom, 4326), 6)::jsonb AS geometry
FROM shaped z
LEFT JOIN counts c ON c.id = z.id
LEFT JOIN streets s ON s.id = z.street_id
ORDER BY z.kind, z.last_at DESC, z.id
