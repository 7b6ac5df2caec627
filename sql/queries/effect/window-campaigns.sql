-- The campaigns to judge with their windows (measures 2 and 3: server/effect/campaign-windows.ts):
-- the one with id $2, or (when $2 is NULL) every campaign made in [$3, $4); not cancelled, and
-- only those whose after-window of $5 days ended by $6. The windows as the reference
-- (street-windows.sql, uptake-windows.sql) has them: [t - w, t) and [t, t + w) in ms, the same as
-- Amsterdam dates (days since 1970-01-01) for subsidy applications.
-- Params: $1 municipality id, $2 campaign id or NULL, $3 from, $4 to (exclusive), $5 days,
--   $6 observed until (timestamptz).
-- Returns id, t_ms, lo_ms, hi_ms (float8), lo_day, t_day, hi_day (int).
SELECT id,
       extract(epoch FROM created_at) * 1000 AS t_ms,
       extract(epoch FROM created_at - make_interval(days => $5::int)) * 1000 AS lo_ms,
       extract(epoch FROM created_at + make_interval(days => $5::int)) * 1000 AS hi_ms,
       (((created_at - make_interval(days => $5::int)) AT TIME ZONE 'Europe/Amsterdam')::date - DATE '1970-01-01') AS lo_day,
       ((created_at AT TIME ZONE 'Europe/Amsterdam')::date - DATE '1970-01-01') AS t_day,
       (((created_at + make_interval(days => $5::int)) AT TIME ZONE 'Europe/Amsterdam')::date - DATE '1970-01-01') AS hi_day
FROM campaigns
WHERE municipality_id = $1
  AND cancelled_at IS NULL
  AND (($2::bigint IS NULL AND created_at >= $3 AND created_at < $4) OR id = $2::bigint)
  AND created_at + make_interval(days => $5::int) <= $6
