-- The sites that may frame a municipality's map. Params: $1 municipality id. Returns origin, created_actor, created_at.
SELECT origin, created_actor, created_at FROM municipality_embed_origins WHERE municipality_id = $1 ORDER BY origin
