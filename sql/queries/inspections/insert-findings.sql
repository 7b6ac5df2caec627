-- Findings from a phone; one sent again (same client-made id) is not stored twice.
-- Params: $1 inspection_id, $2 findings (jsonb array of {id, streetId, item, note, lon, lat, recordedAt}),
-- $3 recorded_by (user id or NULL). Returns id of each finding stored now.
INSERT INTO inspection_findings (id, inspection_id, street_id, item, note, position, recorded_at, recorded_by)
SELECT f.id, $1, f."streetId", f.item, coalesce(f.note, ''),
       CASE WHEN f.lon IS NOT NULL THEN ST_Transform(ST_SetSRID(ST_MakePoint(f.lon, f.lat), 4326), 28992) END,
       f."recordedAt", $3
FROM jsonb_to_recordset($2::jsonb) AS f(id uuid, "streetId" bigint, item text, note text, lon float8, lat float8, "recordedAt" timestamptz)
ON CONFLICT (id) DO NOTHING
RETURNING id
