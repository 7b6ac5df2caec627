-- Staged rows whose coordinate system PostGIS does not know get that as their error.
-- Params: none; runs on the temp table incident_stage. Returns nothing (rowCount = rows marked).
UPDATE incident_stage s SET error = 'EPSG:' || s.srid || ' is not a coordinate system PostGIS knows'
WHERE s.srid IS NOT NULL AND NOT EXISTS (SELECT 1 FROM spatial_ref_sys r WHERE r.srid = s.srid)
