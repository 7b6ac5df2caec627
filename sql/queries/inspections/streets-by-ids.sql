-- The given streets that belong to a municipality and have a geometry. Params: $1 municipality_id,
-- $2 street ids (bigint[]). Returns id, name.
SELECT s.id::int, s.name FROM streets s
WHERE s.municipality_id = $1 AND s.id = ANY ($2::bigint[]) AND s.geom IS NOT NULL
ORDER BY s.id
