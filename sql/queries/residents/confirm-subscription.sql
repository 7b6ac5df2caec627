-- Confirms a subscription by its unexpired confirmation token (the double opt-in), recording when.
-- Params: $1 confirm_token, $2 now, $3 last_month (the latest published month: later ones are new).
-- Returns id, municipality_id (no row for an unknown or expired token).
UPDATE alert_subscriptions
SET status = 'confirmed', confirmed_at = $2, confirm_token = NULL, confirm_expires_at = NULL, last_month = $3
WHERE confirm_token = $1 AND status = 'pending' AND confirm_expires_at > $2
RETURNING id, municipality_id
