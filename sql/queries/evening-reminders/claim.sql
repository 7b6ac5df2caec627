-- Claims a pending mail for sending (one worker at a time) while there is still someone to tell:
-- a reminder to a confirmed sign-up of a planned evening; a cancellation notice to a confirmed or
-- waiting sign-up of a cancelled evening; both with an e-mail address, before the evening's start.
-- Params: $1 reminder id, $2 now (timestamptz).
-- Returns id, kind, email, name, people, status (of the sign-up), title, starts_at, ends_at, venue_name, venue_address, language,
-- organiser_name, organiser_email, organiser_phone, evening_id, municipality_code, municipality_name
-- (no row when not claimable).
UPDATE evening_reminders r SET status = 'sending', attempts = r.attempts + 1, claimed_at = $2
FROM evening_signups s, evenings e, municipalities m
WHERE r.id = $1 AND r.status = 'pending'
  AND s.invitation_id = r.invitation_id AND s.email IS NOT NULL
  AND e.id = r.evening_id AND e.starts_at > $2
  AND ((r.kind = 'reminder' AND s.status = 'confirmed' AND e.status = 'planned')
    OR (r.kind = 'cancelled' AND s.status IN ('confirmed', 'waiting') AND e.status = 'cancelled'))
  AND m.id = e.municipality_id
RETURNING r.id, r.kind, s.email, s.name, s.people, s.status AS signup_status, e.title, e.starts_at, e.ends_at, e.venue_name, e.venue_address,
  e.language, e.organiser_name, e.organiser_email, e.organiser_phone, e.id AS evening_id,
  m.code AS municipality_code, m.name AS municipality_name
