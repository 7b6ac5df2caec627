-- Ends every session of a user ("sign out everywhere", a disabled account, a new password).
-- Params: $1 user id. Returns id.
DELETE FROM sessions WHERE user_id = $1 RETURNING id
