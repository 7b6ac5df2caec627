-- Records the invitation campaign of an evening that has none yet. Params: $1 evening id,
-- $2 campaign id. Returns id (no row when the evening already has one).
UPDATE evenings SET campaign_id = $2, updated_at = now()
WHERE id = $1 AND campaign_id IS NULL
RETURNING id::int
