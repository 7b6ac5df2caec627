-- What sign-in needs beyond the password: lockout and two-factor state. Params: $1 user id.
-- Returns locked_until, totp_secret, totp_pending_secret, totp_enabled_at.
SELECT locked_until, totp_secret, totp_pending_secret, totp_enabled_at FROM users WHERE id = $1
