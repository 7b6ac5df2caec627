-- Where in the file the first 50 unlocated incidents of an import are (for its warning).
-- Params: $1 source, $2 incident ids (bigint[]); runs on the temp table incident_stage.
-- Returns: line (null for GeoJSON), feature (null for CSV), in file order.
SELECT s.line, s.feature FROM incident_stage s JOIN incidents i ON i.source = $1 AND i.external_id = s.external_id
WHERE i.id = ANY($2::bigint[]) AND i.geom IS NULL ORDER BY s.ord LIMIT 50
