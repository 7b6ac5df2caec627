-- The temporary table the base map loader stages OpenStreetMap features in (`geom` GeoJSON).
-- Dropped at the end of the load's transaction. Params: none. Returns nothing.
CREATE TEMP TABLE basemap_stage (key text, layer text, class text, name text, geom text) ON COMMIT DROP
