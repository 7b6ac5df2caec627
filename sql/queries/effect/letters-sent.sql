-- Letter campaigns made in a period (not cancelled) and their letters by kind, for the factsheet.
-- Params: $1 municipality id, $2 from, $3 to (exclusive).
-- Returns kind, campaigns (int), letters (int: pending or rendered), one row per kind with campaigns.
SELECT c.kind, count(DISTINCT c.id)::int AS campaigns, count(l.id)::int AS letters
FROM campaigns c
LEFT JOIN letters l ON l.campaign_id = c.id AND l.status IN ('pending', 'rendered')
WHERE c.municipality_id = $1 AND c.cancelled_at IS NULL AND c.created_at >= $2 AND c.created_at < $3
GROUP BY c.kind
ORDER BY c.kind
