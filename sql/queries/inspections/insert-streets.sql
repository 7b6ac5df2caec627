-- The streets of an inspection, not yet in walking order. Params: $1 inspection_id, $2 street ids (bigint[]).
-- Returns nothing.
INSERT INTO inspection_streets (inspection_id, street_id)
SELECT $1, unnest($2::bigint[])
ON CONFLICT DO NOTHING
