-- Sets a municipality's inspection checklist (settings.inspectionChecklist; [] = the default).
-- Params: $1 municipality_id, $2 checklist (jsonb array). Returns id.
UPDATE municipalities
SET settings = jsonb_set(coalesce(settings, '{}'::jsonb), '{inspectionChecklist}', $2::jsonb)
WHERE id = $1
RETURNING id
