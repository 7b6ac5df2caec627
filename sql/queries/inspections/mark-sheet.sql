-- Records a rendered sheet, unless the route changed since the job was queued (the job carries
-- route_at in milliseconds, as JavaScript has it; PostgreSQL keeps microseconds).
-- Params: $1 inspection_id, $2 sha256, $3 bytes, $4 route_at the sheet was made from. Returns id.
UPDATE inspections SET sheet_sha256 = $2, sheet_bytes = $3, sheet_route_at = route_at, sheet_rendered_at = now(),
       sheet_error = NULL
WHERE id = $1 AND date_trunc('milliseconds', route_at) = $4
RETURNING id
