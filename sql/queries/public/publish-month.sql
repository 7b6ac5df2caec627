-- Takes the burglaries one month of public figures counts into that month's publication and
-- answers them grouped as the public figures need them: street, area (only for incidents
-- without a street), method and attempt. No id, no location, no day or hour leaves it.
-- A burglary counts in the month it happened, or, when that month was already published before
-- it was registered (a late report), in the first month published after; it is taken in once.
-- Params: $1 municipality_id, $2 grid cell size in metres (EPSG:28992), $3 earliest occurred_from
--         taken in (first instant of the oldest month that still takes late reports), $4 end of
--         the month (exclusive), $5 the month ('2026-11'; its public_months row exists).
-- Returns street_id, area_code, grid_x, grid_y, modus_operandi, attempt, n.
WITH picked AS (
  SELECT i.id, i.street_id, nb.code AS area_code,
         CASE WHEN i.street_id IS NULL THEN floor(ST_X(i.geom) / $2)::int END AS grid_x,
         CASE WHEN i.street_id IS NULL THEN floor(ST_Y(i.geom) / $2)::int END AS grid_y,
         i.modus_operandi, i.attempt
  FROM incidents i
  LEFT JOIN LATERAL (
    SELECT n.code FROM neighbourhoods n
    WHERE i.street_id IS NULL AND n.municipality_id = $1 AND ST_Contains(n.geom, i.geom)
    ORDER BY (n.kind = 'buurt') DESC, ST_Area(n.geom)
    LIMIT 1
  ) nb ON true
  WHERE i.municipality_id = $1
    AND i.occurred_from >= $3
    AND i.occurred_from < $4
    AND (i.street_id IS NOT NULL OR i.geom IS NOT NULL)
    AND NOT EXISTS (SELECT 1 FROM public_month_incidents p WHERE p.incident_id = i.id)
), taken AS (
  INSERT INTO public_month_incidents (incident_id, municipality_id, month)
  SELECT id, $1, $5 FROM picked
)
SELECT street_id::int AS street_id, area_code, grid_x, grid_y, modus_operandi, attempt, count(*)::int AS n
FROM picked
GROUP BY 1, 2, 3, 4, 5, 6
