-- Every street of a municipality in the subsidy windows of its campaigns (measure 3,
-- server/effect/uptake.ts): applications in the $5 days before and after each campaign, whether
-- it got that campaign's letters, and whether it got any letter in those days.
-- Campaigns: the one with id $2, or (when $2 is NULL) every campaign made in [$3, $4); only those
-- whose after-window ended by $6, not cancelled.
-- Params: $1 municipality id, $2 campaign id or NULL, $3 from, $4 to (exclusive), $5 days,
--   $6 observed until (timestamptz).
-- Returns campaign_id, street_id, addresses, before, after (int), treated, busy (boolean).
WITH c AS (
  SELECT id, created_at AS t, make_interval(days => $5::int) AS w
  FROM campaigns
  WHERE municipality_id = $1
    AND cancelled_at IS NULL
    AND (($2::bigint IS NULL AND created_at >= $3 AND created_at < $4) OR id = $2::bigint)
    AND created_at + make_interval(days => $5::int) <= $6
),
lettered AS (
  SELECT DISTINCT l.campaign_id, a.street_id
  FROM c JOIN letters l ON l.campaign_id = c.id AND l.status IN ('pending', 'rendered')
  JOIN addresses a ON a.id = l.address_id
  WHERE a.street_id IS NOT NULL
),
busy AS (
  SELECT DISTINCT c.id AS campaign_id, a.street_id
  FROM c
  JOIN campaigns o ON o.municipality_id = $1 AND o.cancelled_at IS NULL
    AND o.created_at >= c.t - c.w AND o.created_at < c.t + c.w
  JOIN letters l ON l.campaign_id = o.id AND l.status IN ('pending', 'rendered')
  JOIN addresses a ON a.id = l.address_id
  WHERE a.street_id IS NOT NULL
),
s AS (
  SELECT street_id, count(*)::int AS n
  FROM addresses
  WHERE municipality_id = $1 AND residential AND street_id IS NOT NULL
  GROUP BY street_id
),
counts AS (
  SELECT c.id AS campaign_id, sa.street_id,
         count(*) FILTER (WHERE sa.applied_on < (c.t AT TIME ZONE 'Europe/Amsterdam')::date)::int AS before,
         count(*) FILTER (WHERE sa.applied_on >= (c.t AT TIME ZONE 'Europe/Amsterdam')::date)::int AS after
  FROM c JOIN subsidy_applications sa ON sa.municipality_id = $1 AND sa.street_id IS NOT NULL
    AND sa.applied_on >= ((c.t - c.w) AT TIME ZONE 'Europe/Amsterdam')::date
    AND sa.applied_on < ((c.t + c.w) AT TIME ZONE 'Europe/Amsterdam')::date
  GROUP BY c.id, sa.street_id
)
SELECT c.id AS campaign_id, s.street_id, s.n AS addresses,
       coalesce(k.before, 0) AS before, coalesce(k.after, 0) AS after,
       (lt.street_id IS NOT NULL) AS treated,
       (b.street_id IS NOT NULL) AS busy
FROM c CROSS JOIN s
LEFT JOIN counts k ON k.campaign_id = c.id AND k.street_id = s.street_id
LEFT JOIN lettered lt ON lt.campaign_id = c.id AND lt.street_id = s.street_id
LEFT JOIN busy b ON b.campaign_id = c.id AND b.street_id = s.street_id
ORDER BY c.id, s.street_id
