-- A cancellation notice for every sign-up to a cancelled evening (confirmed or waiting) with an
-- e-mail address given with consent; one per invitation, ever.
-- Params: $1 evening id.
-- Returns id of the notices made now.
INSERT INTO evening_reminders (evening_id, invitation_id, kind)
SELECT s.evening_id, s.invitation_id, 'cancelled'
FROM evening_signups s
JOIN evenings e ON e.id = s.evening_id
WHERE s.evening_id = $1 AND e.status = 'cancelled'
  AND s.status IN ('confirmed', 'waiting') AND s.email IS NOT NULL AND s.consent_at IS NOT NULL
ON CONFLICT (invitation_id, kind) DO NOTHING
RETURNING id
