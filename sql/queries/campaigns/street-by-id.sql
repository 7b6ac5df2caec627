-- One street with its municipality, for access checks. Params: $1 street id.
-- Returns id, municipality_id, name.
SELECT id::int AS id, municipality_id, name FROM streets WHERE id = $1
