-- The streets of the staged OpenStreetMap lines and addresses: one per name; the place is the one
-- most of its addresses give, else the municipality's name.
-- Params: $1 municipality id, $2 municipality name; runs on the temp tables. Returns nothing.
INSERT INTO streets (municipality_id, name, place)
SELECT $1, s.name, COALESCE(
  (SELECT a.place FROM osm_address a WHERE a.street = s.name GROUP BY a.place ORDER BY count(*) DESC LIMIT 1), $2)
FROM (SELECT DISTINCT name FROM osm_segment UNION SELECT DISTINCT street FROM osm_address) s
ON CONFLICT (municipality_id, name, place) DO NOTHING
