-- Records that a reminder was sent. Params: $1 reminder id, $2 Message-ID. Returns id.
UPDATE evening_reminders SET status = 'sent', sent_at = now(), message_id = $2
WHERE id = $1 AND status = 'sending' RETURNING id
