-- Alert mails and evening reminders left in 'sending' since before a moment (a worker stopped
-- during the SMTP conversation). No address, no content. Params: $1 claimed before (timestamptz).
-- Returns source ('alert' or 'reminder'), id, kind, attempts, created_at, claimed_at.
SELECT 'alert' AS source, id, kind, attempts, created_at, claimed_at FROM alert_mails
WHERE status = 'sending' AND (claimed_at IS NULL OR claimed_at < $1)
UNION ALL
SELECT 'reminder', id, 'reminder', attempts, created_at, claimed_at FROM evening_reminders
WHERE status = 'sending' AND (claimed_at IS NULL OR claimed_at < $1)
ORDER BY claimed_at NULLS FIRST, source, id
