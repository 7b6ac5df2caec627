-- Forgets the origins of a municipality that are not in a new list.
-- Params: $1 municipality id, $2 the origins to keep (text[]). Returns origin.
DELETE FROM municipality_embed_origins WHERE municipality_id = $1 AND NOT (origin = ANY($2::text[])) RETURNING origin
