-- Records why a sheet could not be made (bad template or data). Params: $1 inspection_id, $2 reason.
-- Returns nothing.
UPDATE inspections SET sheet_error = $2 WHERE id = $1
