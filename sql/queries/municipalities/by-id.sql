-- The municipality with an id.
-- Params: $1 id. Returns: id, code, name, settings (JSON) of at most one municipality.
SELECT id, code, name, settings FROM municipalities WHERE id = $1
