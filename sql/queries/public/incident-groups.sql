-- Burglaries of one municipality in the public window, grouped by what the public figures
-- need and nothing more: street, area (only for incidents without a street), calendar month
-- (Europe/Amsterdam), method and attempt flag. No id, no location, no day or hour leaves it.
-- Params: $1 municipality_id, $2 grid cell size in metres (EPSG:28992), $3 start of the window
--         (first instant of the oldest month), $4 cut-off (first instant of the current month).
-- Returns street_id, area_code, grid_x, grid_y, month ('2025-02'), modus_operandi, attempt, n.
SELECT i.street_id::int AS street_id,
       nb.code AS area_code,
       CASE WHEN i.street_id IS NULL THEN floor(ST_X(i.geom) / $2)::int END AS grid_x,
       CASE WHEN i.street_id IS NULL THEN floor(ST_Y(i.geom) / $2)::int END AS grid_y,
       to_char(i.occurred_from AT TIME ZONE 'Europe/Amsterdam', 'YYYY-MM') AS month,
       i.modus_operandi, i.attempt, count(*)::int AS n
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
GROUP BY 1, 2, 3, 4, 5, 6, 7
