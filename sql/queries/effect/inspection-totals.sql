-- Street inspections of a municipality held (planned start) in a period, and their findings by
-- follow-up (measure 4: findings fixed).
-- Params: $1 municipality id, $2 from, $3 to (exclusive).
-- Returns inspections, done, cancelled, streets, findings, fixed, maintenance, open (all int).
SELECT count(DISTINCT i.id)::int AS inspections,
       count(DISTINCT i.id) FILTER (WHERE i.status = 'done')::int AS done,
       count(DISTINCT i.id) FILTER (WHERE i.status = 'cancelled')::int AS cancelled,
       (SELECT count(*)::int FROM inspection_streets s JOIN inspections x ON x.id = s.inspection_id
        WHERE x.municipality_id = $1 AND x.starts_at >= $2 AND x.starts_at < $3 AND x.status <> 'cancelled') AS streets,
       count(f.id)::int AS findings,
       count(f.id) FILTER (WHERE f.follow_up = 'fixed')::int AS fixed,
       count(f.id) FILTER (WHERE f.follow_up = 'maintenance')::int AS maintenance,
       count(f.id) FILTER (WHERE f.follow_up = 'open')::int AS open
FROM inspections i
LEFT JOIN inspection_findings f ON f.inspection_id = i.id
WHERE i.municipality_id = $1 AND i.starts_at >= $2 AND i.starts_at < $3
