-- Starts (or restarts) TOTP enrolment with a new secret. Params: $1 user id, $2 base32 secret.
-- Returns nothing.
UPDATE users SET totp_pending_secret = $2 WHERE id = $1
