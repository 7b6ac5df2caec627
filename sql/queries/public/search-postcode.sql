-- Streets that have addresses with a postcode (the answer names streets, never a house).
-- Params: $1 municipality_id, $2 postcode ('2628CD'). Returns street_id.
SELECT DISTINCT a.street_id::int AS street_id
FROM addresses a
WHERE a.municipality_id = $1 AND a.postcode = $2 AND a.street_id IS NOT NULL
