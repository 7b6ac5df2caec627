-- Withdraws every published month of a municipality (with their streets, counts and links to
-- burglaries): the next public request publishes the public year anew from today's data.
-- Params: $1 municipality_id.
-- Returns month (the months withdrawn).
DELETE FROM public_months WHERE municipality_id = $1 RETURNING month
