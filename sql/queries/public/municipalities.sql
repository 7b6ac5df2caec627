-- Municipalities with streets, for the public map. Params: none.
-- Returns code, name, settings (jsonb), west, south, east, north (EPSG:4326 extent of the streets), demo (any synthetic incident).
SELECT m.code, m.name, m.settings,
       ST_XMin(e.box) AS west, ST_YMin(e.box) AS south, ST_XMax(e.box) AS east, ST_YMax(e.box) AS north,
       EXISTS (SELECT 1 FROM incidents i WHERE i.municipality_id = m.id AND i.source = 'demo') AS demo
FROM municipalities m
CROSS JOIN LATERAL (
  SELECT ST_Transform(ST_SetSRID(ST_Extent(s.geom)::geometry, 28992), 4326) AS box
  FROM streets s WHERE s.municipality_id = m.id
) e
WHERE e.box IS NOT NULL
ORDER BY m.name
