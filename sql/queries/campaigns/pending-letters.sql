-- Letters Postgres says are not done, in print order, for (re-)enqueueing.
-- Params: $1 campaign id or NULL for every campaign. Returns id, campaign_id.
SELECT l.id, l.campaign_id
FROM letters l JOIN addresses a ON a.id = l.address_id
WHERE l.status = 'pending' AND ($1::bigint IS NULL OR l.campaign_id = $1)
ORDER BY l.campaign_id, a.postcode NULLS LAST, a.huisnummer, a.huisletter NULLS FIRST, a.toevoeging NULLS FIRST, l.id
