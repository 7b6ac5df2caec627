-- Residential addresses within $3 metres of an incident, leaving out the victim's own address (the
-- victim gets a victim-advice letter, not a warning). Params: $1 municipality_id, $2 incident id,
-- $3 radius in metres. Returns id.
SELECT a.id FROM incidents i JOIN addresses a ON ST_DWithin(a.geom, i.geom, $3)
WHERE i.id = $2 AND i.municipality_id = $1 AND a.municipality_id = $1 AND a.residential
  AND a.id IS DISTINCT FROM i.address_id
