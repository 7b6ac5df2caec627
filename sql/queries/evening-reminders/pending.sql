-- Reminders still to send whose evening has not begun (to queue again after Redis lost its jobs).
-- Params: $1 now (timestamptz). Returns id.
SELECT r.id FROM evening_reminders r JOIN evenings e ON e.id = r.evening_id
WHERE r.status = 'pending' AND e.starts_at > $1
ORDER BY r.id
