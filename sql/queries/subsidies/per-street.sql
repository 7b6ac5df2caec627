-- Subsidy applications per street (aggregated: never an address), for a period.
-- Params: $1 municipality id, $2 from (date), $3 to (date, exclusive).
-- Returns street_id, name, place, addresses (residential, int), applications (int), amount_cents (bigint).
SELECT s.id AS street_id, s.name, s.place,
       (SELECT count(*)::int FROM addresses a WHERE a.street_id = s.id AND a.residential) AS addresses,
       count(*)::int AS applications,
       sum(sa.amount_cents)::bigint AS amount_cents
FROM subsidy_applications sa
JOIN streets s ON s.id = sa.street_id
WHERE sa.municipality_id = $1 AND sa.applied_on >= $2 AND sa.applied_on < $3
GROUP BY s.id
ORDER BY applications DESC, s.name, s.id
