-- The letters of a campaign being previewed (inside a transaction that is rolled back): per
-- letter its status, address, street and, for one left out, the earlier letter that excludes it.
-- Params: $1 campaign id.
-- Returns status, address_id, address (one line), street_id, street_name, previous_campaign_id, previous_on ('YYYY-MM-DD').
SELECT l.status, a.id::int AS address_id,
       a.street_name || ' ' || a.huisnummer || coalesce(a.huisletter, '') || coalesce('-' || a.toevoeging, '')
         || coalesce(', ' || a.postcode, '') || ' ' || a.place AS address,
       a.street_id::int AS street_id, a.street_name,
       pl.campaign_id::int AS previous_campaign_id,
       to_char(pc.created_at AT TIME ZONE 'Europe/Amsterdam', 'YYYY-MM-DD') AS previous_on
FROM letters l
JOIN addresses a ON a.id = l.address_id
LEFT JOIN letters pl ON pl.id = l.excluded_by
LEFT JOIN campaigns pc ON pc.id = pl.campaign_id
WHERE l.campaign_id = $1
ORDER BY a.postcode NULLS LAST, a.huisnummer, a.huisletter NULLS FIRST, a.toevoeging NULLS FIRST, l.id
