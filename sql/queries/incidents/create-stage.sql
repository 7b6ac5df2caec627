-- The temporary table an incident import stages its parsed rows in (one row per row of the
-- file, `ord` its position); geocoding and the checks fill address_id, geom, location_source
-- and error. Dropped at the end of the import's transaction. Params: none. Returns nothing.
CREATE TEMP TABLE incident_stage (
  ord int PRIMARY KEY, line int, feature text, external_id text, occurred_from timestamptz, occurred_to timestamptz,
  attempt boolean, modus_operandi text, mo_text text, location_label text, street_name text,
  x float8, y float8, srid int, coord_field text, postcode text, huisnummer int, huisletter text, toevoeging text,
  address_id bigint, geom geometry(Point, 28992), location_source text, error text) ON COMMIT DROP
