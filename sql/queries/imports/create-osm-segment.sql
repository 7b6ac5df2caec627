-- The temporary table import-osm stages the named street lines of a file in (`geom` GeoJSON).
-- Dropped at the end of the import's transaction. Params: none. Returns nothing.
CREATE TEMP TABLE osm_segment (key text, name text, highway text, geom text) ON COMMIT DROP
