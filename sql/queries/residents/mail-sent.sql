-- Records a mail as sent (the SMTP server accepted it).
-- Params: $1 mail id, $2 message_id.
-- Returns id.
UPDATE alert_mails SET status = 'sent', sent_at = now(), message_id = $2 WHERE id = $1 AND status = 'sending' RETURNING id
