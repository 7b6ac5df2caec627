-- Residential addresses on the given streets. Params: $1 municipality_id, $2 street ids (bigint[]). Returns id.
SELECT a.id FROM addresses a
WHERE a.municipality_id = $1 AND a.street_id = ANY ($2::bigint[]) AND a.residential
