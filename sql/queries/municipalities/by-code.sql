-- The municipality with a code (GM0503).
-- Params: $1 code. Returns: id, code, name, settings (JSON) of at most one municipality.
SELECT id, code, name, settings FROM municipalities WHERE code = $1
