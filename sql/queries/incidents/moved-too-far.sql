-- Staged rows that would move an incident the municipality holds by more than the snap distance
-- (a re-import with swapped or shifted coordinates). Without $4 they become errors naming the
-- flag that allows them; with it they stay valid and are only counted. A stored point that was
-- the middle of a street (location_source 'street') is a guess and may move freely.
-- Params: $1 municipality id, $2 source, $3 distance (m, STREET_SNAP_DISTANCE_M), $4 allow (boolean).
-- Runs on the temp table incident_stage. Returns nothing (rowCount = rows that move that far).
UPDATE incident_stage s
SET error = CASE WHEN $4 THEN NULL ELSE
  'this update moves incident ' || s.external_id || ' by ' || to_char(round(ST_Distance(i.geom, s.geom)), 'FM999,999,990')
  || ' m from where it is stored, more than STREET_SNAP_DISTANCE_M (' || $3::float8 || ' m); if the new position is right, import with --allow-move (allowMove=true)'
  END
FROM incidents i
WHERE i.source = $2 AND i.external_id = s.external_id AND i.municipality_id = $1
  AND s.error IS NULL AND s.geom IS NOT NULL AND i.geom IS NOT NULL AND i.location_source IN ('coordinates', 'address')
  AND NOT ST_DWithin(i.geom, s.geom, $3::float8)
