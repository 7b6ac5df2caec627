-- The feed of a secret, and whether it still works (not revoked, the user not disabled); marks it used.
-- Params: $1 token hash (bytea). Returns id, user_id, live (no row: unknown secret).
UPDATE calendar_feeds f SET last_used_at = CASE WHEN f.revoked_at IS NULL THEN now() ELSE f.last_used_at END
FROM users u
WHERE f.token_hash = $1 AND u.id = f.user_id
RETURNING f.id, f.user_id, (f.revoked_at IS NULL AND u.disabled_at IS NULL) AS live
