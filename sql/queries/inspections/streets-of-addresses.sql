-- The streets (with a geometry) of the given addresses. Params: $1 address ids (bigint[]). Returns id.
SELECT DISTINCT s.id::int FROM addresses a JOIN streets s ON s.id = a.street_id AND s.geom IS NOT NULL
WHERE a.id = ANY ($1::bigint[])
ORDER BY 1
