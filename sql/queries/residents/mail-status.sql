-- The state of a mail (a job finding it no longer pending knows why).
-- Params: $1 mail id.
-- Returns status.
SELECT status FROM alert_mails WHERE id = $1
