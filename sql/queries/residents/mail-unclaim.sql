-- Gives a claimed mail back after the SMTP server refused it or could not be reached (it is retried).
-- Params: $1 mail id.
-- Returns nothing.
UPDATE alert_mails SET status = 'pending' WHERE id = $1 AND status = 'sending'
