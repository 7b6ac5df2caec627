-- What became of a transaction: 'committed', 'aborted' or 'in progress' (NULL when too old to know).
-- Params: $1 transaction id (xid8 as text, from transactions/current-id). Returns one row: status.
SELECT pg_xact_status($1::xid8) AS status
