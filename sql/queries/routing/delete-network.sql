-- Removes a municipality's routable network (vertices; their edges cascade) before a rebuild.
-- Params: $1 municipality_id. Returns nothing.
DELETE FROM walk_vertices WHERE municipality_id = $1
