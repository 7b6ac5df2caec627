-- The streets of published months, as they were published.
-- Params: $1 municipality_id, $2 months (text[]).
-- Returns month, street_id, area_key, addresses.
SELECT month, street_id::int AS street_id, area_key, addresses
FROM public_month_streets WHERE municipality_id = $1 AND month = ANY($2::text[])
