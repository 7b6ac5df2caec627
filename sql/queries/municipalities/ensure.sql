-- The municipality with a code, created (with its name and settings) when it is new; an
-- existing one keeps its name, and a concurrent creation of the same code is taken, not refused.
-- Params: $1 code, $2 name, $3 settings (JSON text). Returns: id, code, name.
INSERT INTO municipalities (code, name, settings) VALUES ($1, $2, $3)
ON CONFLICT (code) DO UPDATE SET name = municipalities.name
RETURNING id, code, name
