-- Letters of a campaign in one status with the reason, in print order. Params: $1 campaign id, $2 status, $3 limit.
-- Returns letter_id, address_id, address (one line), reason.
SELECT l.id AS letter_id, a.id AS address_id,
       a.street_name || ' ' || a.huisnummer || coalesce(a.huisletter, '') || coalesce('-' || a.toevoeging, '')
         || coalesce(', ' || a.postcode, '') || ' ' || a.place AS address,
       l.reason
FROM letters l JOIN addresses a ON a.id = l.address_id
WHERE l.campaign_id = $1 AND l.status = $2
ORDER BY a.postcode NULLS LAST, a.huisnummer, a.huisletter NULLS FIRST, a.toevoeging NULLS FIRST, l.id
LIMIT $3
