-- Revokes a token: one of the user's own ($2), or any ($2 NULL, an admin). Params: $1 token id, $2 user id or NULL.
-- Returns id, user_id (no row: unknown, not theirs, or already revoked).
UPDATE api_tokens SET revoked_at = now()
WHERE id = $1 AND revoked_at IS NULL AND ($2::int IS NULL OR user_id = $2)
RETURNING id::int AS id, user_id
