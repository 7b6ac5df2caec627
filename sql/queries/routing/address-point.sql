-- The position of an address (any use: a community centre is not a home) in EPSG:4326, for a
-- route's start. Params: $1 municipality_id, $2 street name, $3 huisnummer, $4 huisletter or NULL.
-- Returns lon, lat, label.
SELECT ST_X(ST_Transform(a.geom, 4326)) AS lon, ST_Y(ST_Transform(a.geom, 4326)) AS lat,
       a.street_name || ' ' || a.huisnummer || coalesce(a.huisletter, '') AS label
FROM addresses a
WHERE a.municipality_id = $1 AND lower(a.street_name) = lower($2) AND a.huisnummer = $3
  AND a.huisletter IS NOT DISTINCT FROM $4
ORDER BY a.toevoeging NULLS FIRST, a.id
LIMIT 1
