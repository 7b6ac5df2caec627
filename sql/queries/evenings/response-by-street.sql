-- Invited, signed up, coming, waiting and attended per street of an evening (no house numbers).
-- Params: $1 evening id. Returns street, invited, signed_up, coming, waiting, attended.
SELECT a.street_name AS street,
       count(*)::int AS invited,
       count(s.invitation_id)::int AS signed_up,
       coalesce(sum(s.people) FILTER (WHERE s.status = 'confirmed'), 0)::int AS coming,
       coalesce(sum(s.people) FILTER (WHERE s.status = 'waiting'), 0)::int AS waiting,
       count(i.attended_at)::int AS attended
FROM evening_invitations i
JOIN addresses a ON a.id = i.address_id
LEFT JOIN evening_signups s ON s.invitation_id = i.id
WHERE i.evening_id = $1
GROUP BY a.street_name
ORDER BY a.street_name
