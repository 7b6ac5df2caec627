-- The follow-up status of a finding. Params: $1 inspection_id, $2 finding id (uuid), $3 follow_up.
-- Returns id (none when the finding is not of this inspection).
UPDATE inspection_findings SET follow_up = $3 WHERE inspection_id = $1 AND id = $2 RETURNING id
