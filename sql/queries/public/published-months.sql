-- Which of the given months of a municipality are already published.
-- Params: $1 municipality_id, $2 months (text[], 'YYYY-MM').
-- Returns month.
SELECT month FROM public_months WHERE municipality_id = $1 AND month = ANY($2::text[])
