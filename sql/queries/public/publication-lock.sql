-- Serialises publishing per municipality (several server processes may ask at once); held to
-- the end of the transaction.
-- Params: $1 municipality_id.
-- Returns one row with nothing to read (the lock is held).
SELECT pg_advisory_xact_lock(hashtext('preventiekaart:public-publication'), $1)
