-- Confirms enrolment: the pending secret becomes the secret. Params: $1 user id.
-- Returns id (no row when nothing was pending).
UPDATE users SET totp_secret = totp_pending_secret, totp_pending_secret = NULL, totp_enabled_at = now()
WHERE id = $1 AND totp_pending_secret IS NOT NULL
RETURNING id
