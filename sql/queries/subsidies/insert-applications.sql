-- Stores subsidy applications at their addresses; one already stored (same address, date and
-- scheme) is left as it is.
-- Params: $1 municipality id, $2 rows as jsonb [{postcode, huisnummer, huisletter, toevoeging,
--   applied_on, scheme, amount_cents}], $3 actor.
-- Returns id of every row inserted.
INSERT INTO subsidy_applications (municipality_id, address_id, street_id, applied_on, scheme, amount_cents, imported_actor)
SELECT DISTINCT ON (a.id, r.applied_on, r.scheme) $1, a.id, a.street_id, r.applied_on, r.scheme, r.amount_cents, $3
FROM jsonb_to_recordset($2::jsonb) AS r(postcode text, huisnummer int, huisletter text, toevoeging text,
     applied_on date, scheme text, amount_cents bigint)
JOIN addresses a ON a.municipality_id = $1 AND a.postcode = r.postcode AND a.huisnummer = r.huisnummer
  AND a.huisletter IS NOT DISTINCT FROM r.huisletter AND a.toevoeging IS NOT DISTINCT FROM r.toevoeging
ORDER BY a.id, r.applied_on, r.scheme
ON CONFLICT (address_id, applied_on, scheme) DO NOTHING
RETURNING id
