-- Subsidy applications on a street of the municipality made on a day in [$2, $3] (days since
-- 1970-01-01), for the windows of measure 3 (server/effect/campaign-windows.ts).
-- Params: $1 municipality id, $2 first day, $3 last day (int, inclusive).
-- Returns street_id, day (int).
SELECT street_id, (applied_on - DATE '1970-01-01') AS day
FROM subsidy_applications
WHERE municipality_id = $1 AND street_id IS NOT NULL
  AND applied_on >= DATE '1970-01-01' + $2::int AND applied_on <= DATE '1970-01-01' + $3::int
