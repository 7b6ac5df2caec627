-- The trial arms of a municipality's burglaries, with whether a cocoon campaign (not cancelled)
-- was made for each (how far the arms were kept to).
-- Params: $1 municipality id.
-- Returns incident_id, arm, lettered (boolean).
SELECT t.incident_id, t.arm,
       EXISTS (SELECT 1 FROM campaigns c WHERE c.incident_id = t.incident_id AND c.kind = 'cocoon'
               AND c.cancelled_at IS NULL) AS lettered
FROM trial_assignments t
WHERE t.municipality_id = $1
