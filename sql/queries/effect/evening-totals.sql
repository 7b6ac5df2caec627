-- Prevention evenings of a municipality that began in a period, with their invitations, sign-ups
-- and attendance (measure 4, plain counts; issue 12 records them).
-- Params: $1 municipality id, $2 from, $3 to (exclusive).
-- Returns evenings, held, cancelled, invited, households, people, attended (all int).
SELECT count(*)::int AS evenings,
       count(*) FILTER (WHERE e.status = 'held')::int AS held,
       count(*) FILTER (WHERE e.status = 'cancelled')::int AS cancelled,
       coalesce(sum((SELECT count(*) FROM evening_invitations i WHERE i.evening_id = e.id)), 0)::int AS invited,
       coalesce(sum((SELECT count(*) FROM evening_signups s WHERE s.evening_id = e.id AND s.status = 'confirmed')), 0)::int AS households,
       coalesce(sum((SELECT sum(s.people) FROM evening_signups s WHERE s.evening_id = e.id AND s.status = 'confirmed')), 0)::int AS people,
       coalesce(sum((SELECT count(*) FROM evening_invitations i WHERE i.evening_id = e.id AND i.attended_at IS NOT NULL)), 0)::int AS attended
FROM evenings e
WHERE e.municipality_id = $1 AND e.starts_at >= $2 AND e.starts_at < $3
