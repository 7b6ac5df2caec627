-- The effect figures read one snapshot (every measure sees the same rows) and change nothing.
-- Must be the first statement of the transaction.
-- Params: none.
-- Returns nothing.
SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY
