-- Changes what is given of an inspection (NULL: unchanged). Params: $1 inspection_id, $2 title,
-- $3 starts_at, $4 notes, $5 status. Returns nothing.
UPDATE inspections SET title = coalesce($2, title), starts_at = coalesce($3, starts_at),
       notes = coalesce($4, notes), status = coalesce($5, status), updated_at = now()
WHERE id = $1
