-- API tokens, newest first: one user's ($1) or everyone's ($1 NULL). Never the token itself.
-- Params: $1 user id or NULL. Returns id, user_id, email, name, created_at, last_used_at, revoked_at.
SELECT t.id::int AS id, t.user_id, u.email, t.name, t.created_at, t.last_used_at, t.revoked_at
FROM api_tokens t JOIN users u ON u.id = t.user_id
WHERE $1::int IS NULL OR t.user_id = $1
ORDER BY t.created_at DESC, t.id DESC
