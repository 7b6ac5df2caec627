-- A new live feed for a user (revoke the old one first). Params: $1 user id, $2 token hash (bytea).
-- Returns id, created_at.
INSERT INTO calendar_feeds (user_id, token_hash) VALUES ($1, $2) RETURNING id, created_at
