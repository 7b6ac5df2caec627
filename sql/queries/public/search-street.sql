-- Streets whose name matches, exact match first, then prefix, then anywhere.
-- Params: $1 municipality_id, $2 name as typed, $3 the same as a LIKE pattern body (% and _ escaped).
-- Returns street_id.
SELECT s.id::int AS street_id
FROM streets s
WHERE s.municipality_id = $1 AND s.name ILIKE '%' || $3 || '%'
ORDER BY lower(s.name) = lower($2) DESC, s.name ILIKE $3 || '%' DESC, length(s.name), s.name
LIMIT 8
