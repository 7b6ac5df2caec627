-- Removes an inspection's team before it is set anew. Params: $1 inspection_id. Returns nothing.
DELETE FROM inspection_members WHERE inspection_id = $1
