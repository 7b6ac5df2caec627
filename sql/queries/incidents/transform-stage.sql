-- Transforms staged coordinates in coordinate systems other than WGS 84 and RD New (those two
-- are range-checked by the parsers and transformed in one statement) to RD New, row by row:
-- PROJ fails on a point outside a system's domain ("transform: Point outside of projection
-- domain (2050)"), and such a point must become its row's error instead of failing the file.
-- A DO block takes no parameters; it runs on the temp table incident_stage. Returns nothing.
DO $$
DECLARE
  r record;
  g geometry;
BEGIN
  FOR r IN SELECT ord, x, y, srid, coord_field FROM incident_stage
           WHERE srid IS NOT NULL AND srid NOT IN (4326, 28992) AND error IS NULL LOOP
    BEGIN
      g := ST_Transform(ST_SetSRID(ST_MakePoint(r.x, r.y), r.srid), 28992);
      IF NOT (abs(ST_X(g)) < 1e9 AND abs(ST_Y(g)) < 1e9) THEN  -- also false for NaN
        RAISE EXCEPTION USING ERRCODE = 'internal_error';
      END IF;
      UPDATE incident_stage SET geom = g, location_source = 'coordinates' WHERE ord = r.ord;
    EXCEPTION WHEN internal_error THEN
      UPDATE incident_stage
      SET error = coalesce(r.coord_field, 'the coordinates') || ' (' || r.x || ', ' || r.y || ') could not be transformed from EPSG:'
                  || r.srid || ' to RD New: they lie outside the area that coordinate system covers; check the numbers and the "crs"'
      WHERE ord = r.ord;
    END;
  END LOOP;
END $$
