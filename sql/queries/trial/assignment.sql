-- A burglary's trial arm, if it has one.
-- Params: $1 incident id.
-- Returns arm, release_at, assigned_at.
SELECT arm, release_at, assigned_at FROM trial_assignments WHERE incident_id = $1
