-- The staged addresses whose postcode is not a Dutch postcode: how many, and the first of them.
-- Params: none; runs on the temp table bag_address. Returns at most one row: n (bigint as text),
-- feature, bad_postcode (as the file gives it).
SELECT count(*) OVER () AS n, feature, bad_postcode FROM bag_address WHERE bad_postcode IS NOT NULL ORDER BY ord LIMIT 1
