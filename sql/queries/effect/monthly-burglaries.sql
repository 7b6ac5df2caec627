-- Burglaries per calendar month (Amsterdam time) of a period and of the same months a year
-- before, for the council factsheet.
-- Params: $1 municipality id, $2 from, $3 to (exclusive).
-- Returns month (text YYYY-MM), burglaries (int), year_before (int), one row per month of the period.
WITH months AS (
  SELECT generate_series(date_trunc('month', $2::timestamptz AT TIME ZONE 'Europe/Amsterdam'),
                         ($3::timestamptz AT TIME ZONE 'Europe/Amsterdam') - interval '1 microsecond',
                         interval '1 month') AS m
),
counted AS (
  SELECT date_trunc('month', occurred_from AT TIME ZONE 'Europe/Amsterdam') AS m, count(*)::int AS n
  FROM incidents
  WHERE municipality_id = $1
    AND occurred_from >= $2::timestamptz - interval '1 year' - interval '1 month'
    AND occurred_from < $3
  GROUP BY 1
)
SELECT to_char(months.m, 'YYYY-MM') AS month,
       coalesce(now_.n, 0) AS burglaries,
       coalesce(before_.n, 0) AS year_before
FROM months
LEFT JOIN counted now_ ON now_.m = months.m
LEFT JOIN counted before_ ON before_.m = months.m - interval '1 year'
ORDER BY months.m
