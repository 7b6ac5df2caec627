-- Removes a user's recovery codes. Params: $1 user id.
-- Returns nothing.
DELETE FROM totp_recovery_codes WHERE user_id = $1
