-- Records that a subscription has been dealt with for a published month.
-- Params: $1 subscription_id, $2 month.
-- Returns nothing.
UPDATE alert_subscriptions SET last_month = $2 WHERE id = $1 AND (last_month IS NULL OR last_month < $2)
