-- The municipality of a burglary and its settings (for the trial gate), and whether it has a location.
-- Params: $1 incident id.
-- Returns municipality_id, settings (jsonb), has_geom (boolean).
SELECT i.municipality_id, m.settings, i.geom IS NOT NULL AS has_geom
FROM incidents i JOIN municipalities m ON m.id = i.municipality_id
WHERE i.id = $1
