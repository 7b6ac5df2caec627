-- Index burglaries of a municipality in a period, each with its near-repeat follow-ons and
-- whether its cocoon got a letter in time (measure 1, server/effect/follow-on-rate.ts).
-- A follow-on is another located burglary of the municipality that began after the index one,
-- within $5 days and $4 metres. A cocoon got letters when a letter (pending or rendered, of a
-- campaign not cancelled) went to an address within $4 metres, in a campaign made within $6
-- hours after the burglary began. Only index burglaries whose follow-up ended by $7 count.
-- Params: $1 municipality id, $2 from (timestamptz), $3 to (timestamptz, exclusive),
--   $4 cocoon distance (m), $5 cocoon days, $6 letter hours, $7 observed until (timestamptz).
-- Returns id, occurred_from, treated (boolean), follow_ons (int), one row per index burglary.
SELECT i.id,
       i.occurred_from,
       EXISTS (
         SELECT 1
         FROM addresses a
         JOIN letters l ON l.address_id = a.id AND l.status IN ('pending', 'rendered')
         JOIN campaigns c ON c.id = l.campaign_id AND c.cancelled_at IS NULL
         WHERE ST_DWithin(a.geom, i.geom, $4)
           AND c.municipality_id = i.municipality_id
           AND c.created_at >= i.occurred_from
           AND c.created_at < i.occurred_from + make_interval(hours => $6::int)
       ) AS treated,
       (SELECT count(*)::int
        FROM incidents j
        WHERE j.municipality_id = i.municipality_id
          AND j.geom IS NOT NULL
          AND j.id <> i.id
          AND j.occurred_from > i.occurred_from
          AND j.occurred_from <= i.occurred_from + make_interval(days => $5::int)
          AND ST_DWithin(j.geom, i.geom, $4)) AS follow_ons
FROM incidents i
WHERE i.municipality_id = $1
  AND i.geom IS NOT NULL
  AND i.occurred_from >= $2
  AND i.occurred_from < $3
  AND i.occurred_from + make_interval(days => $5::int) <= $7
ORDER BY i.occurred_from, i.id
