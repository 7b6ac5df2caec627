-- Cancels a household's sign-up (its name and e-mail go with it). Params: $1 invitation id. Returns invitation_id.
DELETE FROM evening_signups WHERE invitation_id = $1 RETURNING invitation_id
