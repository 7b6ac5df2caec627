-- Staged WGS 84 (range-checked by the parsers, and here again) and RD New coordinates to RD New
-- points in one statement; other systems go row by row (transform-stage.sql).
-- Params: none; runs on the temp table incident_stage. Returns nothing.
UPDATE incident_stage SET geom = ST_Transform(ST_SetSRID(ST_MakePoint(x, y), srid), 28992), location_source = 'coordinates'
WHERE error IS NULL AND (srid = 28992 OR (srid = 4326 AND abs(x) <= 180 AND abs(y) <= 90))
