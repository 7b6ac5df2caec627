-- The stored sheet of an inspection and whether it belongs to the current route.
-- Params: $1 inspection_id. Returns sheet_sha256, current, sheet_error, route_at.
SELECT sheet_sha256, (sheet_sha256 IS NOT NULL AND sheet_route_at = route_at) AS current, sheet_error, route_at
FROM inspections WHERE id = $1
