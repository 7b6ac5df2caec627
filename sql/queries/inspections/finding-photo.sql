-- The stored photo of a finding. Params: $1 inspection_id, $2 finding id (uuid).
-- Returns photo_sha256 (NULL when the finding has no photo); no row when there is no such finding.
SELECT photo_sha256 FROM inspection_findings WHERE inspection_id = $1 AND id = $2
