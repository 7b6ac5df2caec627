-- Mails still to be sent (to enqueue again after Redis lost its jobs).
-- Params: none.
-- Returns id.
SELECT id FROM alert_mails WHERE status = 'pending' ORDER BY id
