-- The id of the running transaction (assigns one if it has none yet), to ask its outcome later.
-- Params: none. Returns one row: id (xid8 as text).
SELECT pg_current_xact_id()::text AS id
