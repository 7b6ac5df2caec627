-- A new inspection. Params: $1 municipality_id, $2 title, $3 starts_at, $4 notes, $5 selection (jsonb),
-- $6 created_by (user id or NULL), $7 created_actor. Returns id.
INSERT INTO inspections (municipality_id, title, starts_at, notes, selection, created_by, created_actor)
VALUES ($1, $2, $3, $4, $5, $6, $7)
RETURNING id::int
