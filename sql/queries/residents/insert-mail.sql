-- A mail to a subscription, once per key ('confirm' or a published month).
-- Params: $1 subscription_id, $2 kind, $3 key, $4 content (jsonb).
-- Returns id (no row when that mail already exists).
INSERT INTO alert_mails (subscription_id, kind, key, content)
VALUES ($1, $2, $3, $4)
ON CONFLICT (subscription_id, key) DO NOTHING
RETURNING id
