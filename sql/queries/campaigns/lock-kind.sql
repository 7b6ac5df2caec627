-- Serialises campaign creation per municipality and kind, so two campaigns created at once cannot
-- both mail an address that the repeat rule should have left out. Params: $1 municipality_id, $2 kind.
-- Returns one row with nothing to read (the lock is held).
SELECT pg_advisory_xact_lock(hashtext('campaign:' || $1::text || ':' || $2::text))
