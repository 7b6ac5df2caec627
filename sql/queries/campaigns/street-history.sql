-- The letters that went to one street, per campaign, newest first (cancelled campaigns and
-- letters left out are not "sent"). Params: $1 street id.
-- Returns campaign_id, kind, language, created_at, created_actor, letters, rendered.
SELECT c.id::int AS campaign_id, c.kind, c.language, c.created_at, c.created_actor,
       count(*)::int AS letters,
       count(*) FILTER (WHERE l.status = 'rendered')::int AS rendered
FROM letters l
JOIN addresses a ON a.id = l.address_id
JOIN campaigns c ON c.id = l.campaign_id
WHERE a.street_id = $1 AND l.status IN ('pending', 'rendered') AND c.cancelled_at IS NULL
GROUP BY c.id
ORDER BY c.created_at DESC, c.id DESC
