-- Marks staged points (from the file's own coordinates) that lie outside the municipality's
-- area (municipality-area.sql) plus a margin: swapped latitude and longitude, poles, another
-- country. The message names the fields, the numbers, the distance, the area, and says when
-- swapping the two numbers would put the point inside.
-- Params: $1 area (geometry, EPSG:28992), $2 margin (m), $3 the area in words
-- ("the area of GM0503 (Delft): the extent of its 8,150 addresses plus 2 km").
-- Runs on the temp table incident_stage. Returns nothing (rowCount = rows marked).
UPDATE incident_stage s
SET error = coalesce(s.coord_field, 'the coordinates') || ' (' || s.x || ', ' || s.y || ') lie '
            || to_char(round(ST_Distance(ST_Transform($1::geometry, 4326)::geography,
                 CASE WHEN s.srid = 4326 THEN ST_SetSRID(ST_MakePoint(s.x, s.y), 4326) ELSE ST_Transform(s.geom, 4326) END::geography) / 1000),
                 'FM999,999,990')
            || ' km outside ' || $3
            || CASE WHEN s.srid = 4326 AND abs(s.x) <= 90
                     AND ST_DWithin($1::geometry, ST_Transform(ST_SetSRID(ST_MakePoint(s.y, s.x), 4326), 28992), $2)
                    THEN '; with the two numbers swapped they would lie inside: check which column is which'
                    ELSE '; check the coordinates, their coordinate system, and that the file belongs to this municipality' END
WHERE s.error IS NULL AND s.location_source = 'coordinates' AND s.geom IS NOT NULL
  AND NOT ST_DWithin($1::geometry, s.geom, $2)
