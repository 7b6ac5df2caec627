-- Starts the publication of one month.
-- Params: $1 municipality_id, $2 month ('YYYY-MM').
-- Returns nothing.
INSERT INTO public_months (municipality_id, month) VALUES ($1, $2)
