-- One campaign for the effect view: its municipality, kind and when it was made.
-- Params: $1 campaign id.
-- Returns id, municipality_id, kind, created_at, cancelled_at, letters (int, pending or rendered).
SELECT c.id, c.municipality_id, c.kind, c.created_at, c.cancelled_at,
       (SELECT count(*)::int FROM letters l WHERE l.campaign_id = c.id AND l.status IN ('pending', 'rendered')) AS letters
FROM campaigns c
WHERE c.id = $1
