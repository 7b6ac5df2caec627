-- The temporary table import-osm stages the address points of a file in (`geom` GeoJSON).
-- Dropped at the end of the import's transaction. Params: none. Returns nothing.
CREATE TEMP TABLE osm_address (key text, street text, huisnummer int, huisletter text,
  toevoeging text, postcode text, place text, residential boolean, geom text) ON COMMIT DROP
