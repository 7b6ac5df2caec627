-- A new, unconfirmed alert subscription.
-- Params: $1 municipality_id, $2 email, $3 lang, $4 frequency, $5 target_kind, $6 street_id, $7 area_key,
-- $8 center_lon, $9 center_lat, $10 radius_m, $11 target_label, $12 confirm_token, $13 confirm_expires_at,
-- $14 unsubscribe_token, $15 consent_version.
-- Returns id.
INSERT INTO alert_subscriptions (municipality_id, email, lang, frequency, target_kind, street_id, area_key,
  center_lon, center_lat, radius_m, target_label, confirm_token, confirm_expires_at, unsubscribe_token, consent_version)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
RETURNING id
