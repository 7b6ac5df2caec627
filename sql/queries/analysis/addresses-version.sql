-- The version of a municipality's addresses (bumped by triggers on addresses, migration 0011):
-- the in-memory address index reloads when it changes. Params: $1 municipality id.
-- Returns at most one row: version (bigint as text).
SELECT addresses_version::text AS version FROM municipalities WHERE id = $1
