-- Inspections of the given municipalities (NULL: all), newest date first. Params: $1 municipality
-- ids (int[] or NULL). Returns id, municipality_code, title, starts_at, status, streets, findings, routed.
SELECT i.id::int, m.code AS municipality_code, i.title, i.starts_at, i.status,
       (SELECT count(*)::int FROM inspection_streets x WHERE x.inspection_id = i.id) AS streets,
       (SELECT count(*)::int FROM inspection_findings f WHERE f.inspection_id = i.id) AS findings,
       i.route_geom IS NOT NULL AS routed
FROM inspections i JOIN municipalities m ON m.id = i.municipality_id
WHERE $1::int[] IS NULL OR i.municipality_id = ANY ($1::int[])
ORDER BY i.starts_at DESC, i.id DESC
LIMIT 500
