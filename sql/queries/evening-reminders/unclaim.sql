-- Gives a claimed reminder back after the SMTP server refused it or could not be reached (it is retried).
-- Params: $1 reminder id. Returns id.
UPDATE evening_reminders SET status = 'pending' WHERE id = $1 AND status = 'sending' RETURNING id
