-- Changes an evening that is not held yet and raises its SEQUENCE (iCalendar). Params: $1 id,
-- $2 title, $3 starts_at, $4 ends_at, $5 venue_name, $6 venue_address, $7 lon, $8 lat, $9 capacity,
-- $10 speakers, $11 language, $12 organiser_name, $13 organiser_email, $14 organiser_phone,
-- $15 selection, $16 area_streets, $17 status. Returns id (no row when the evening is held).
UPDATE evenings SET title = $2, starts_at = $3, ends_at = $4, venue_name = $5, venue_address = $6,
       venue_geom = ST_Transform(ST_SetSRID(ST_MakePoint($7, $8), 4326), 28992), capacity = $9,
       speakers = $10, language = $11, organiser_name = $12, organiser_email = $13,
       organiser_phone = $14, selection = $15, area_streets = $16, status = $17,
       sequence = sequence + 1, updated_at = now()
WHERE id = $1 AND status <> 'held'
RETURNING id::int
