-- Streets of a municipality with residential addresses, and how many (measures 2 and 3:
-- server/effect/campaign-windows.ts).
-- Params: $1 municipality id.
-- Returns street_id, addresses (int).
SELECT street_id, count(*)::int AS addresses
FROM addresses
WHERE municipality_id = $1 AND residential AND street_id IS NOT NULL
GROUP BY street_id
