-- Unsubscribes: deletes the subscription and its mails at once.
-- Params: $1 unsubscribe_token.
-- Returns id (no row for an unknown token).
DELETE FROM alert_subscriptions WHERE unsubscribe_token = $1 RETURNING id
