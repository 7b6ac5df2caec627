-- A street of the municipality that has no segments left (they moved to another street) has no
-- geometry. Params: $1 municipality id. Returns nothing.
UPDATE streets s SET geom = NULL
WHERE s.municipality_id = $1 AND s.geom IS NOT NULL AND NOT EXISTS (SELECT 1 FROM street_segments g WHERE g.street_id = s.id)
