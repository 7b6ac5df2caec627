-- The status of a reminder. Params: $1 reminder id. Returns status (no row when it is gone).
SELECT status FROM evening_reminders WHERE id = $1
