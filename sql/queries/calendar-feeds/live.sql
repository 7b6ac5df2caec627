-- The user's live feed. Params: $1 user id. Returns id, created_at, last_used_at (no row: none).
SELECT id, created_at, last_used_at FROM calendar_feeds WHERE user_id = $1 AND revoked_at IS NULL
