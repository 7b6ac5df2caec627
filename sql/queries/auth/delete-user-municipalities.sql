-- Clears the municipalities a user may see. Params: $1 user id.
-- Returns nothing.
DELETE FROM user_municipalities WHERE user_id = $1
