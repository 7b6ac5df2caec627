-- The letters of a cancelled campaign that were still waiting are never rendered.
-- Params: $1 campaign id. Returns id.
UPDATE letters SET status = 'cancelled', reason = 'campaign cancelled'
WHERE campaign_id = $1 AND status = 'pending'
RETURNING id
