-- The temporary table of addresses a BAG file says are withdrawn, unbuilt or not residential
-- (an earlier import may hold them). Dropped at the end of the transaction. Params: none. Returns nothing.
CREATE TEMP TABLE bag_gone (ord int, feature text, key text) ON COMMIT DROP
