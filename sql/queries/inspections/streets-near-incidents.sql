-- Streets of a municipality within a distance of any of the given burglaries (a near-repeat
-- cluster's members). Params: $1 municipality_id, $2 incident ids (bigint[]), $3 distance in metres.
-- Returns id.
SELECT DISTINCT s.id::int FROM incidents i
JOIN streets s ON s.municipality_id = $1 AND s.geom IS NOT NULL AND ST_DWithin(s.geom, i.geom, $3)
WHERE i.municipality_id = $1 AND i.id = ANY ($2::bigint[]) AND i.geom IS NOT NULL
ORDER BY 1
