-- A successful sign-in clears the failure count. Params: $1 user id.
-- Returns nothing.
UPDATE users SET failed_signins = 0, locked_until = NULL WHERE id = $1
