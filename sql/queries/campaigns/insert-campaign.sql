-- Creates a campaign. Params: $1 municipality_id, $2 kind, $3 template, $4 language, $5 selection (jsonb),
-- $6 incident_id, $7 evening_at, $8 evening_location, $9 letter_date, $10 created_by, $11 created_actor.
-- Returns id, created_at.
INSERT INTO campaigns (municipality_id, kind, template, language, selection, incident_id, evening_at, evening_location,
                       letter_date, created_by, created_actor)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, coalesce($9::date, current_date), $10, $11)
RETURNING id, created_at
