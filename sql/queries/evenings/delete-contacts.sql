-- Deletes the names and e-mail addresses of the sign-ups of evenings that ended before a moment
-- (or were cancelled), and marks those evenings. Params: $1 cutoff (timestamptz). Returns evening_id, n.
WITH cleared AS (
  UPDATE evening_signups s SET name = NULL, email = NULL, updated_at = now()
  FROM evenings e
  WHERE e.id = s.evening_id AND (e.ends_at < $1 OR e.status = 'cancelled')
    AND (s.name IS NOT NULL OR s.email IS NOT NULL)
  RETURNING s.evening_id
), marked AS (
  UPDATE evenings e SET contacts_deleted_at = now()
  WHERE e.id IN (SELECT evening_id FROM cleared)
  RETURNING e.id
)
SELECT evening_id::int, count(*)::int AS n FROM cleared GROUP BY evening_id ORDER BY evening_id
