-- An operator found a mail left in 'sending' was delivered: it is recorded as sent with its Message-ID.
-- Params: $1 mail id, $2 Message-ID. Returns id.
UPDATE alert_mails SET status = 'sent', sent_at = now(), message_id = $2 WHERE id = $1 AND status = 'sending' RETURNING id
