-- Totals of a period, to show what street activity leaves out.
-- Params: $1 municipality id, $2 from (inclusive), $3 to (exclusive).
-- Returns: incidents, on_streets, unlocated.
SELECT count(*)::int AS incidents, count(street_id)::int AS on_streets, count(*) FILTER (WHERE geom IS NULL)::int AS unlocated
FROM incidents
WHERE municipality_id = $1 AND occurred_from >= $2 AND occurred_from < $3
