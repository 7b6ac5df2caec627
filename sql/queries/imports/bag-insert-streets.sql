-- The streets of the staged BAG addresses. BAG has no street lines: a street is a name within a
-- place, without geometry until an OSM or NWB import adds its segments.
-- Params: $1 municipality id; runs on the temp table bag_address. Returns nothing.
INSERT INTO streets (municipality_id, name, place)
SELECT DISTINCT $1::int, street, place FROM bag_address
ON CONFLICT (municipality_id, name, place) DO NOTHING
