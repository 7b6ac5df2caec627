-- The residential addresses inside given risk zones (same zones as analysis/risk-zones.sql);
-- for letter selection. An address in several zones is returned once per zone.
-- Params: $1 municipality id, $2 at, $3 cocoon m, $4 cocoon days, $5 watch m, $6 watch days,
--         $7 zone keys ('s12', 'i34'; text[]), $8 zone ids ('cocoon:s12', 'watch:i34'; text[]).
-- Returns: zone_id, address_id.
WITH recent AS (
  SELECT i.id, i.geom, i.occurred_from, coalesce('s' || i.street_id, 'i' || i.id) AS zkey
  FROM incidents i
  WHERE i.municipality_id = $1 AND i.geom IS NOT NULL
    AND i.occurred_from <= $2 AND i.occurred_from > $2 - make_interval(secs => $6::float8 * 86400)
),
parts AS (
  SELECT 'cocoon'::text AS kind, zkey, geom, $3::float8 AS r FROM recent WHERE occurred_from > $2 - make_interval(secs => $4::float8 * 86400)
  UNION ALL
  SELECT 'watch', zkey, geom, $5::float8 FROM recent
),
zones AS (
  SELECT kind, zkey, ST_Union(ST_Buffer(geom, r, 16)) AS area
  FROM parts WHERE zkey = ANY($7::text[])
  GROUP BY kind, zkey
),
shaped AS (
  SELECT w.kind || ':' || w.zkey AS id,
         CASE WHEN w.kind = 'watch' AND c.area IS NOT NULL THEN ST_Difference(w.area, c.area) ELSE w.area END AS geom
  FROM zones w LEFT JOIN zones c ON w.kind = 'watch' AND c.kind = 'cocoon' AND c.zkey = w.zkey
)
SELECT z.id AS zone_id, a.id AS address_id
FROM shaped z JOIN addresses a ON ST_Intersects(z.geom, a.geom)
WHERE z.id = ANY($8::text[]) AND a.residential AND a.municipality_id = $1
ORDER BY z.id, a.id
