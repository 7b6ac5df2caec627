-- The temporary table import-osm stages the walkable ways of a file in (named or not; `geom`
-- GeoJSON), for the walking network of street inspections (sql/queries/routing/). Dropped at the
-- end of the import's transaction. Params: none. Returns nothing.
CREATE TEMP TABLE osm_walk_way (key text, name text, highway text, geom text) ON COMMIT DROP
