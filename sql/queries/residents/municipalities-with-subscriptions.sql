-- Municipalities with at least one confirmed alert subscription.
-- Params: none.
-- Returns id, code.
SELECT m.id, m.code FROM municipalities m
WHERE EXISTS (SELECT 1 FROM alert_subscriptions s WHERE s.municipality_id = m.id AND s.status = 'confirmed')
ORDER BY m.code
