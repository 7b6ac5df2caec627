-- The subscription a confirmation token belongs to, while it may still be confirmed.
-- Params: $1 confirm_token, $2 now.
-- Returns id, municipality_id, lang, target_label.
SELECT s.id, s.municipality_id, s.lang, s.target_label
FROM alert_subscriptions s
WHERE s.confirm_token = $1 AND s.status = 'pending' AND s.confirm_expires_at > $2
