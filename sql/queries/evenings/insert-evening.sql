-- A new prevention evening. Params: $1 municipality_id, $2 title, $3 starts_at, $4 ends_at,
-- $5 venue_name, $6 venue_address, $7 venue lon, $8 venue lat (EPSG:4326), $9 capacity,
-- $10 speakers (text[]), $11 language, $12 organiser_name, $13 organiser_email, $14 organiser_phone,
-- $15 selection (jsonb), $16 area_streets (text[]), $17 created_by, $18 created_actor. Returns id.
INSERT INTO evenings (municipality_id, title, starts_at, ends_at, venue_name, venue_address, venue_geom,
                      capacity, speakers, language, organiser_name, organiser_email, organiser_phone,
                      selection, area_streets, created_by, created_actor)
VALUES ($1, $2, $3, $4, $5, $6, ST_Transform(ST_SetSRID(ST_MakePoint($7, $8), 4326), 28992),
        $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)
RETURNING id::int
