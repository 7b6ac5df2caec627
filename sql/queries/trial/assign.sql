-- Records a burglary's trial arm unless it has one (the first draw stands).
-- Params: $1 incident id, $2 municipality id, $3 arm, $4 share, $5 draw, $6 release_at or NULL, $7 actor.
-- Returns incident_id when this call recorded it (no row: it had an arm already).
INSERT INTO trial_assignments (incident_id, municipality_id, arm, share, draw, release_at, assigned_actor)
VALUES ($1, $2, $3, $4, $5, $6, $7)
ON CONFLICT (incident_id) DO NOTHING
RETURNING incident_id
