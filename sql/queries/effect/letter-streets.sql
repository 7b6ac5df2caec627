-- The streets that letters (pending or rendered) of a municipality's campaigns went to, for the
-- campaigns made in [$2, $3) and not cancelled: a judged campaign's own streets and, for all of
-- them, the streets that were "busy" around it (server/effect/campaign-windows.ts).
-- Params: $1 municipality id, $2 from, $3 to (exclusive; timestamptz).
-- Returns campaign_id, t_ms (float8, the campaign's moment), street_id.
SELECT DISTINCT c.id AS campaign_id, extract(epoch FROM c.created_at) * 1000 AS t_ms, a.street_id
FROM campaigns c
JOIN letters l ON l.campaign_id = c.id AND l.status IN ('pending', 'rendered')
JOIN addresses a ON a.id = l.address_id
WHERE c.municipality_id = $1 AND c.cancelled_at IS NULL AND c.created_at >= $2 AND c.created_at < $3
  AND a.street_id IS NOT NULL
