-- Uses up one recovery code. Params: $1 user id, $2 SHA-256 of the code.
-- Returns user_id (no row: unknown or already used).
UPDATE totp_recovery_codes SET used_at = now()
WHERE user_id = $1 AND code_hash = $2 AND used_at IS NULL
RETURNING user_id
