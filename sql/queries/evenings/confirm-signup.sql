-- Moves a sign-up from the waiting list to confirmed. Params: $1 invitation id. Returns invitation_id.
UPDATE evening_signups SET status = 'confirmed', waiting_since = NULL, updated_at = now()
WHERE invitation_id = $1 AND status = 'waiting'
RETURNING invitation_id
