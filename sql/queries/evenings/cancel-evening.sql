-- Cancels a planned evening and raises its SEQUENCE. Params: $1 id. Returns id (none when held or already cancelled).
UPDATE evenings SET status = 'cancelled', sequence = sequence + 1, updated_at = now()
WHERE id = $1 AND status = 'planned'
RETURNING id::int
