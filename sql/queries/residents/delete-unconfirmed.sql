-- Deletes subscriptions never confirmed within the hours allowed (48 by default).
-- Params: $1 created before (timestamptz).
-- Returns id.
DELETE FROM alert_subscriptions WHERE status = 'pending' AND created_at < $1 RETURNING id
