-- The order to visit the vertices of walk_matrix (this transaction's cost matrix), starting at
-- one of them, with pgRouting's pgr_TSP (a closed tour: it ends where it started).
-- Params: $1 start vertex id. Returns seq, node.
SELECT seq, node FROM pgr_TSP('SELECT start_vid, end_vid, agg_cost FROM walk_matrix', start_id := $1::bigint)
ORDER BY seq
