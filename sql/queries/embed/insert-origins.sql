-- Adds origins to a municipality's list (those already there stay as they are).
-- Params: $1 municipality id, $2 origins (text[]), $3 actor. Returns origin.
INSERT INTO municipality_embed_origins (municipality_id, origin, created_actor)
SELECT $1, o, $3 FROM unnest($2::text[]) AS o
ON CONFLICT (municipality_id, origin) DO NOTHING
RETURNING origin
