-- A pending reminder with no one left to remind is dropped (not sent, never again).
-- Params: $1 reminder id. Returns id.
UPDATE evening_reminders SET status = 'dropped' WHERE id = $1 AND status = 'pending' RETURNING id
