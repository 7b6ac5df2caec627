-- The subscription an unsubscribe token belongs to.
-- Params: $1 unsubscribe_token.
-- Returns id, lang, target_label.
SELECT s.id, s.lang, s.target_label FROM alert_subscriptions s WHERE s.unsubscribe_token = $1
