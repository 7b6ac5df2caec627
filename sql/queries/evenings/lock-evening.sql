-- Locks an evening's row for the rest of the transaction: sign-ups, changes and invitations of one
-- evening are counted one at a time (capacity). Params: $1 evening id. Returns id, capacity, status, ends_at.
SELECT id::int, capacity, status, ends_at FROM evenings WHERE id = $1 FOR UPDATE
