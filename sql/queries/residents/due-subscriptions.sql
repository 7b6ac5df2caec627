-- Confirmed subscriptions of a municipality and frequency not yet mailed about a published month.
-- Params: $1 municipality_id, $2 frequency, $3 month ('YYYY-MM').
-- Returns id, target_kind, street_id, area_key, center_lon, center_lat, radius_m, target_label, lang.
SELECT s.id, s.target_kind, s.street_id, s.area_key, s.center_lon, s.center_lat, s.radius_m, s.target_label, s.lang
FROM alert_subscriptions s
WHERE s.municipality_id = $1 AND s.status = 'confirmed' AND s.frequency = $2
  AND (s.last_month IS NULL OR s.last_month < $3)
ORDER BY s.id
