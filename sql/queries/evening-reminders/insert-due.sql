-- Makes a reminder for every confirmed sign-up with an e-mail address (given with consent) to a
-- planned evening that starts between $1 and $2; one per invitation, ever.
-- Params: $1 now (timestamptz), $2 latest start to remind of (timestamptz).
-- Returns id of the reminders made now.
INSERT INTO evening_reminders (evening_id, invitation_id)
SELECT s.evening_id, s.invitation_id
FROM evening_signups s
JOIN evenings e ON e.id = s.evening_id
WHERE e.status = 'planned' AND e.starts_at > $1 AND e.starts_at <= $2
  AND s.status = 'confirmed' AND s.email IS NOT NULL AND s.consent_at IS NOT NULL
ON CONFLICT (invitation_id, kind) DO NOTHING
RETURNING id
