-- Adds municipalities a user may see (delete-user-municipalities.sql clears them first, in the
-- same transaction). Params: $1 user id, $2 municipality ids (int[]).
-- Returns nothing.
INSERT INTO user_municipalities (user_id, municipality_id) SELECT $1, unnest($2::int[])
ON CONFLICT DO NOTHING
