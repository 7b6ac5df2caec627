-- Streets of a municipality whose line passes within a circle (centre WGS84, radius in metres).
-- Params: $1 municipality_id, $2 lon, $3 lat, $4 radius_m.
-- Returns id.
SELECT s.id FROM streets s
WHERE s.municipality_id = $1 AND s.geom IS NOT NULL
  AND ST_DWithin(s.geom, ST_Transform(ST_SetSRID(ST_MakePoint($2, $3), 4326), 28992), $4)
ORDER BY s.name, s.id
