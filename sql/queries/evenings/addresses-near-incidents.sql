-- Residential addresses within a distance of any of the given burglaries (a near-repeat cluster).
-- Params: $1 municipality_id, $2 incident ids (bigint[]), $3 distance in metres. Returns id.
SELECT DISTINCT a.id FROM incidents i
JOIN addresses a ON a.municipality_id = $1 AND a.residential AND ST_DWithin(a.geom, i.geom, $3)
WHERE i.municipality_id = $1 AND i.id = ANY ($2::bigint[]) AND i.geom IS NOT NULL
