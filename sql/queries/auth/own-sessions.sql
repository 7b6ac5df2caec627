-- A user's live sessions, newest first. Params: $1 user id.
-- Returns id, created_at, expires_at, ip, user_agent, token_hash.
SELECT id::int AS id, created_at, expires_at, ip, user_agent, token_hash
FROM sessions WHERE user_id = $1 AND expires_at > now()
ORDER BY created_at DESC
