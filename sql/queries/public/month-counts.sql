-- The counts of published months, as they were published.
-- Params: $1 municipality_id, $2 months (text[]).
-- Returns month, street_id, area_key, attempt, modus_operandi, n.
SELECT month, street_id::int AS street_id, area_key, attempt, modus_operandi, n
FROM public_month_counts WHERE municipality_id = $1 AND month = ANY($2::text[])
