-- Pairs of located incidents within $4 metres and $5 days of each other (the edges of the
-- space-time graph whose connected components are near-repeat clusters; also the close pairs
-- of the Knox test). Only points from the source or a matched address count, not points put
-- on the middle of a street. Driven by the GiST index on incidents.geom.
-- Params: $1 municipality id, $2 from, $3 to, $4 distance (m), $5 days.
-- Returns: a, b (incident ids, a < b), d (metres), dt (days, >= 0).
WITH pts AS MATERIALIZED (
  SELECT id, geom, occurred_from
  FROM incidents
  WHERE municipality_id = $1 AND occurred_from >= $2 AND occurred_from < $3
    AND geom IS NOT NULL AND location_source IS DISTINCT FROM 'street'
)
SELECT a.id AS a, b.id AS b, ST_Distance(a.geom, b.geom) AS d,
       abs(extract(epoch FROM b.occurred_from - a.occurred_from)) / 86400 AS dt
FROM pts a
JOIN incidents b
  ON ST_DWithin(a.geom, b.geom, $4::float8) AND b.id > a.id
 AND b.municipality_id = $1 AND b.occurred_from >= $2 AND b.occurred_from < $3
 AND b.occurred_from BETWEEN a.occurred_from - make_interval(secs => $5::float8 * 86400) AND a.occurred_from + make_interval(secs => $5::float8 * 86400)
 AND b.location_source IS DISTINCT FROM 'street'
