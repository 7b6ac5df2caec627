-- How many addresses of a BAG file are staged. Params: none; runs on the temp table bag_address.
-- Returns one row: n (bigint as text).
SELECT count(*) AS n FROM bag_address
