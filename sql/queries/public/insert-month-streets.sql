-- The streets as the month is published: area and residential addresses.
-- Params: $1 municipality_id, $2 month, $3 jsonb array of {streetId, areaKey, addresses}.
-- Returns nothing.
INSERT INTO public_month_streets (municipality_id, month, street_id, area_key, addresses)
SELECT $1, $2, x."streetId", x."areaKey", x.addresses
FROM jsonb_to_recordset($3::jsonb) AS x("streetId" bigint, "areaKey" text, addresses int)
