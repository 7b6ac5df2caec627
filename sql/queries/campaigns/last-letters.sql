-- Per street of a municipality, when it last had a letter (any kind, campaign not cancelled),
-- for colouring the officers' map by days since. Params: $1 municipality id.
-- Returns street_id, street_name, last_at, campaigns.
SELECT a.street_id::int AS street_id, min(a.street_name) AS street_name, max(c.created_at) AS last_at, count(DISTINCT c.id)::int AS campaigns
FROM letters l
JOIN campaigns c ON c.id = l.campaign_id
JOIN addresses a ON a.id = l.address_id
WHERE c.municipality_id = $1 AND c.cancelled_at IS NULL AND l.status IN ('pending', 'rendered')
  AND a.street_id IS NOT NULL
GROUP BY a.street_id
