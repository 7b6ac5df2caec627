-- The temporary table import-bag stages the addresses of a file in (`ord` the feature's position
-- in the file, `feature` its name for messages, `geom` its GeoJSON). Dropped at the end of the
-- import's transaction. Params: none. Returns nothing.
CREATE TEMP TABLE bag_address (ord int, feature text, id_field text, key text, bag_id text, street text,
  huisnummer int, huisletter text, toevoeging text, postcode text, bad_postcode text, place text, geom text) ON COMMIT DROP
