-- The vertices of walk_matrix (this transaction's cost matrix) that can be walked to from one
-- vertex. Params: $1 vertex id. Returns vertex.
SELECT end_vid AS vertex FROM walk_matrix WHERE start_vid = $1
