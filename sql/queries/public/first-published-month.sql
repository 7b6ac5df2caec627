-- The oldest published month of a municipality before a month: late reports are taken in from
-- there on, never from before the public record began.
-- Params: $1 municipality_id, $2 month ('YYYY-MM').
-- Returns month (NULL when none).
SELECT min(month) AS month FROM public_months WHERE municipality_id = $1 AND month < $2
