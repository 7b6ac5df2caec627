-- Counts of the staged rows without error, and of those among them whose incident is stored
-- for another municipality (they are errors: see stage-errors.sql).
-- Params: $1 source (the file format), $2 municipality id. Returns one row: valid, conflicts (bigint as text).
SELECT count(*) FILTER (WHERE error IS NULL) AS valid,
       count(*) FILTER (WHERE error IS NULL AND EXISTS (SELECT 1 FROM incidents i WHERE i.source = $1
         AND i.external_id = s.external_id AND i.municipality_id <> $2)) AS conflicts
FROM incident_stage s
