-- The distinct street names of some addresses, alphabetical. Params: $1 address ids (bigint[]). Returns name.
SELECT DISTINCT a.street_name AS name FROM addresses a
WHERE a.id = ANY ($1::bigint[]) AND a.street_name IS NOT NULL
ORDER BY 1
