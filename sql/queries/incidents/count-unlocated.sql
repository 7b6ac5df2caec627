-- How many of the given incidents have no point (stored unlocated).
-- Params: $1 incident ids (bigint[]). Returns one row: n (bigint as text).
SELECT count(*) AS n FROM incidents WHERE id = ANY($1::bigint[]) AND geom IS NULL
