-- A household's sign-up, new or changed. A sign-up that goes (back) to the waiting list joins at
-- its end; one that stays waiting keeps its place. Params: $1 invitation id, $2 evening id,
-- $3 people, $4 status ('confirmed' or 'waiting'), $5 name, $6 email, $7 consent (boolean).
-- Returns status.
INSERT INTO evening_signups AS s (invitation_id, evening_id, people, status, name, email, consent_at, waiting_since)
VALUES ($1, $2, $3, $4, $5, $6, CASE WHEN $7::boolean THEN now() END, CASE WHEN $4 = 'waiting' THEN clock_timestamp() END)
ON CONFLICT (invitation_id) DO UPDATE SET
  people = EXCLUDED.people, status = EXCLUDED.status, name = EXCLUDED.name, email = EXCLUDED.email,
  consent_at = EXCLUDED.consent_at,
  waiting_since = CASE WHEN EXCLUDED.status = 'waiting' THEN coalesce(s.waiting_since, clock_timestamp()) END,
  updated_at = now()
RETURNING status
