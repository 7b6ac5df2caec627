-- Deletes incident detail past its retention period, per municipality. Campaigns keep their
-- letters; their link to the incident becomes NULL (ON DELETE SET NULL).
-- Params: $1 cut-off (incidents that ended before it go), $2 dry run (true: count only).
-- Returns: municipality_id, code, n (incidents deleted, or that would be).
WITH expired AS (
  SELECT i.id, i.municipality_id FROM incidents i WHERE i.occurred_to < $1
),
gone AS (
  DELETE FROM incidents i USING expired e WHERE i.id = e.id AND NOT $2::boolean
  RETURNING i.municipality_id
)
SELECT e.municipality_id, m.code, count(*)::int AS n
FROM expired e JOIN municipalities m ON m.id = e.municipality_id
GROUP BY e.municipality_id, m.code
ORDER BY m.code
