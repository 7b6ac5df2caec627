-- Cancels a campaign that is neither cancelled nor printed yet. Params: $1 campaign id, $2 actor.
-- Returns id (no row: already cancelled or already printed).
UPDATE campaigns SET cancelled_at = now(), cancelled_actor = $2
WHERE id = $1 AND cancelled_at IS NULL AND first_exported_at IS NULL
RETURNING id
