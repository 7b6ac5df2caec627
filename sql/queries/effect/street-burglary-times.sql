-- Burglaries on a street (any street of the municipality) that began in [$2, $3), with their
-- moment, for the before/after windows of measure 2 (server/effect/campaign-windows.ts).
-- Params: $1 municipality id, $2 from, $3 to (exclusive; timestamptz).
-- Returns street_id, t_ms (float8).
SELECT street_id, extract(epoch FROM occurred_from) * 1000 AS t_ms
FROM incidents
WHERE municipality_id = $1 AND street_id IS NOT NULL AND occurred_from >= $2 AND occurred_from < $3
