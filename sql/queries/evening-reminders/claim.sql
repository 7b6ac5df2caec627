-- Claims a pending reminder for sending (one worker at a time) while there is still someone to
-- remind: a confirmed sign-up with an e-mail address, to a planned evening that has not begun.
-- Params: $1 reminder id, $2 now (timestamptz).
-- Returns id, email, name, people, title, starts_at, ends_at, venue_name, venue_address, language,
-- organiser_name, organiser_email, organiser_phone, evening_id, municipality_code, municipality_name
-- (no row when not claimable).
UPDATE evening_reminders r SET status = 'sending', attempts = r.attempts + 1, claimed_at = $2
FROM evening_signups s, evenings e, municipalities m
WHERE r.id = $1 AND r.status = 'pending'
  AND s.invitation_id = r.invitation_id AND s.status = 'confirmed' AND s.email IS NOT NULL
  AND e.id = r.evening_id AND e.status = 'planned' AND e.starts_at > $2
  AND m.id = e.municipality_id
RETURNING r.id, s.email, s.name, s.people, e.title, e.starts_at, e.ends_at, e.venue_name, e.venue_address,
  e.language, e.organiser_name, e.organiser_email, e.organiser_phone, e.id AS evening_id,
  m.code AS municipality_code, m.name AS municipality_name
