-- The staged rows that cannot be imported: those with an error, and those whose incident is
-- stored for another municipality. Params: $1 source, $2 municipality id; runs on the temp table
-- incident_stage. Returns: line, feature, error, in file order.
SELECT line, feature, error FROM incident_stage WHERE error IS NOT NULL
UNION ALL
SELECT s.line, s.feature, 'incident ' || s.external_id || ' already belongs to another municipality' FROM incident_stage s
WHERE s.error IS NULL AND EXISTS (SELECT 1 FROM incidents i WHERE i.source = $1 AND i.external_id = s.external_id AND i.municipality_id <> $2)
ORDER BY 1, 2
