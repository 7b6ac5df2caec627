-- How many street lines and addresses of an OpenStreetMap file are staged.
-- Params: none; runs on the temp tables osm_segment and osm_address. Returns one row: n (bigint as text).
SELECT (SELECT count(*) FROM osm_segment) + (SELECT count(*) FROM osm_address) AS n
