-- police.uk names the street of each map point ("On or near Lovell Road"); where no street
-- geometry is loaded (the UK test data), the name alone still groups incidents per street.
-- One street per name whatever its case: "Lovell Road" and "LOVELL ROAD" are one (the spelling
-- of the first row in the file wins), and a name the municipality already has is not added again.
-- Params: $1 municipality id, $2 place (the municipality's name). Runs on the temp table
-- incident_stage. Returns nothing.
INSERT INTO streets (municipality_id, name, place)
SELECT DISTINCT ON (lower(s.street_name)) $1::int, s.street_name, $2::text
FROM incident_stage s
WHERE s.street_name IS NOT NULL AND s.error IS NULL
  AND NOT EXISTS (SELECT 1 FROM streets st WHERE st.municipality_id = $1 AND lower(st.name) = lower(s.street_name))
ORDER BY lower(s.street_name), s.ord
ON CONFLICT (municipality_id, name, place) DO NOTHING
