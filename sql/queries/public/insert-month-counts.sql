-- The month's counts as published.
-- Params: $1 municipality_id, $2 month, $3 jsonb array of {streetId, areaKey, attempt, mo, n}.
-- Returns nothing.
INSERT INTO public_month_counts (municipality_id, month, area_key, street_id, attempt, modus_operandi, n)
SELECT $1, $2, x."areaKey", x."streetId", x.attempt, x.mo, x.n
FROM jsonb_to_recordset($3::jsonb) AS x("streetId" bigint, "areaKey" text, attempt boolean, mo text, n int)
