-- Streets of a municipality that can be walked (they have a line on the map), for planning an
-- inspection by name. Names only, never an address. Params: $1 municipality_id.
-- Returns id, name, place.
SELECT s.id::int, s.name, s.place FROM streets s
WHERE s.municipality_id = $1 AND s.geom IS NOT NULL
ORDER BY s.name, s.place, s.id
