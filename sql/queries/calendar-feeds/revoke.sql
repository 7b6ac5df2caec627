-- Revokes the user's live feed, if any. Params: $1 user id. Returns id.
UPDATE calendar_feeds SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL RETURNING id
