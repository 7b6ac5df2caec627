-- The area a municipality's incidents must lie in (server/incidents/positions.ts): its boundary
-- where one is loaded, else the extent of its addresses, else the extent of the incidents it
-- holds that were located by their own coordinates; none of these for a new, empty one.
-- Params: $1 municipality id.
-- Returns: kind ('boundary', 'addresses', 'incidents' or NULL), n (addresses or incidents counted),
-- area (geometry, EPSG:28992, NULL without one).
WITH a AS (
  SELECT count(*) AS n, ST_SetSRID(ST_Extent(geom)::geometry, 28992) AS box FROM addresses WHERE municipality_id = $1
), i AS (
  SELECT count(*) AS n, ST_SetSRID(ST_Extent(geom)::geometry, 28992) AS box
  FROM incidents WHERE municipality_id = $1 AND location_source = 'coordinates'
)
SELECT CASE WHEN m.boundary IS NOT NULL THEN 'boundary' WHEN a.n > 0 THEN 'addresses' WHEN i.n > 0 THEN 'incidents' END AS kind,
       CASE WHEN m.boundary IS NOT NULL THEN 0 WHEN a.n > 0 THEN a.n ELSE i.n END::int AS n,
       CASE WHEN m.boundary IS NOT NULL THEN m.boundary::geometry WHEN a.n > 0 THEN a.box ELSE i.box END AS area
FROM municipalities m, a, i
WHERE m.id = $1
