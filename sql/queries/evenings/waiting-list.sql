-- The waiting list of an evening, first come first. Params: $1 evening id. Returns invitation_id, people.
SELECT invitation_id::int, people FROM evening_signups
WHERE evening_id = $1 AND status = 'waiting'
ORDER BY waiting_since, invitation_id
