-- Sets a new password hash and clears a lockout. Params: $1 user id, $2 scrypt hash. Returns id.
UPDATE users SET password_hash = $2, failed_signins = 0, locked_until = NULL WHERE id = $1 RETURNING id
