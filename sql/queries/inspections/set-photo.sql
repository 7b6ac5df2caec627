-- Records the stored photo of a finding. Params: $1 inspection_id, $2 finding id (uuid), $3 sha256,
-- $4 bytes. Returns id (none when the finding is not of this inspection).
UPDATE inspection_findings SET photo_sha256 = $3, photo_bytes = $4, photo_at = now()
WHERE inspection_id = $1 AND id = $2
RETURNING id
