-- Stores an inspection's walking route: its legs (EWKB hex, EPSG:28992), start, length, time and
-- parameters. Params: $1 inspection_id, $2 legs (text[]), $3 start lon, $4 start lat, $5 start label,
-- $6 length_m, $7 minutes, $8 params (jsonb). Returns nothing.
UPDATE inspections SET
  route_geom = CASE WHEN cardinality($2::text[]) > 0
    THEN ST_Multi(ST_Collect(ARRAY(SELECT g::geometry FROM unnest($2::text[]) WITH ORDINALITY AS l(g, n) ORDER BY n)))
    END,
  route_start = ST_Transform(ST_SetSRID(ST_MakePoint($3, $4), 4326), 28992),
  route_start_label = $5, route_length_m = $6, route_minutes = $7, route_params = $8,
  route_at = now(), updated_at = now()
WHERE id = $1
