-- Everything needed to render the still-pending letters among the given ids, in print order.
-- Params: $1 letter ids (bigint[]). Returns one row per letter (see server/campaigns/campaigns.repo.ts).
-- An invitation to an evening carries the address's sign-up code (signup_code, else NULL).
-- The burglary is dated by the day it began (occurred_from, Dutch time), as the map counts it.
SELECT l.id, l.campaign_id, c.template, c.language, c.kind, c.letter_date::text AS letter_date,
       c.evening_at, c.evening_location,
       m.code AS municipality_code, m.name AS municipality_name, m.settings,
       a.street_name, a.huisnummer, a.huisletter, a.toevoeging, a.postcode, a.place, a.street_id,
       (i.occurred_from AT TIME ZONE 'Europe/Amsterdam')::date::text AS incident_on,
       i.attempt AS incident_attempt, i.modus_operandi AS incident_mo,
       coalesce(ist.name, regexp_replace(i.location_label, '^On or near ', '')) AS incident_street,
       ei.code AS signup_code
FROM letters l
JOIN campaigns c ON c.id = l.campaign_id
JOIN municipalities m ON m.id = c.municipality_id
JOIN addresses a ON a.id = l.address_id
LEFT JOIN incidents i ON i.id = c.incident_id
LEFT JOIN streets ist ON ist.id = i.street_id
LEFT JOIN evening_invitations ei ON ei.letter_id = l.id
WHERE l.id = ANY ($1::bigint[]) AND l.status = 'pending'
ORDER BY a.postcode NULLS LAST, a.huisnummer, a.huisletter NULLS FIRST, a.toevoeging NULLS FIRST, l.id
