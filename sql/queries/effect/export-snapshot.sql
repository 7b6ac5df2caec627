-- The snapshot of the effect figures' first transaction, for a second connection to read the
-- same rows (measures run on two connections at once: server/effect/effect.service.ts).
-- Params: none.
-- Returns id (text).
SELECT pg_export_snapshot() AS id
