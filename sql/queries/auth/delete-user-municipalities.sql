-- Clears the municipalities a user may see. Params: $1 user id.
DELETE FROM user_municipalities WHERE user_id = $1
