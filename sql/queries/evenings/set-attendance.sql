-- Ticks (or unticks) the attendance of an invitation of an evening by its code. Params: $1 evening id,
-- $2 code, $3 attended (boolean). Returns invitation_id, street, people, signup_status.
UPDATE evening_invitations i SET attended_at = CASE WHEN $3::boolean THEN coalesce(i.attended_at, now()) END
FROM addresses a
WHERE i.evening_id = $1 AND i.code = $2 AND a.id = i.address_id
RETURNING i.id::int AS invitation_id, a.street_name AS street,
          (SELECT s.people FROM evening_signups s WHERE s.invitation_id = i.id) AS people,
          (SELECT s.status FROM evening_signups s WHERE s.invitation_id = i.id) AS signup_status
