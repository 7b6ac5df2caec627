-- An operator found a mail left in 'sending' was never delivered: it goes back to pending (sent again).
-- Params: $1 mail id. Returns id.
UPDATE alert_mails SET status = 'pending' WHERE id = $1 AND status = 'sending' RETURNING id
