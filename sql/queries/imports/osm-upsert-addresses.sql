-- Inserts or updates the staged OpenStreetMap address points (keyed by source 'osm' and object
-- id). A home the BAG already supplies (same postcode and number) is not counted twice. The
-- WHERE clause keeps every address within the municipality, or takes it from the one
-- --move-from names (checked again by the importer).
-- Params: $1 municipality id, $2 id of the --move-from municipality or null; runs on osm_address.
-- Returns per address changed: inserted (true when new).
INSERT INTO addresses (municipality_id, street_id, source, source_key, street_name, huisnummer, huisletter,
                       toevoeging, postcode, place, residential, geom)
SELECT DISTINCT ON (o.key) $1, st.id, 'osm', o.key, o.street, o.huisnummer, o.huisletter, o.toevoeging,
       o.postcode, o.place,
       o.residential AND NOT EXISTS (
         SELECT 1 FROM addresses b
         WHERE b.source = 'bag' AND b.municipality_id = $1 AND b.postcode = o.postcode
           AND b.huisnummer = o.huisnummer AND b.huisletter IS NOT DISTINCT FROM o.huisletter
           AND b.toevoeging IS NOT DISTINCT FROM o.toevoeging),
       ST_Transform(ST_PointOnSurface(ST_SetSRID(ST_GeomFromGeoJSON(o.geom), 4326)), 28992)
FROM osm_address o
LEFT JOIN streets st ON st.municipality_id = $1 AND st.name = o.street
ORDER BY o.key, (st.place = o.place) DESC NULLS LAST
ON CONFLICT (source, source_key) DO UPDATE
  SET municipality_id = EXCLUDED.municipality_id, street_id = EXCLUDED.street_id, street_name = EXCLUDED.street_name,
      huisnummer = EXCLUDED.huisnummer, huisletter = EXCLUDED.huisletter, toevoeging = EXCLUDED.toevoeging,
      postcode = EXCLUDED.postcode, place = EXCLUDED.place, residential = EXCLUDED.residential, geom = EXCLUDED.geom
  WHERE addresses.municipality_id IN ($1, $2)
    AND (addresses.municipality_id, addresses.street_id, addresses.street_name, addresses.huisnummer, addresses.huisletter,
         addresses.toevoeging, addresses.postcode, addresses.place, addresses.residential, ST_AsBinary(addresses.geom))
    IS DISTINCT FROM (EXCLUDED.municipality_id, EXCLUDED.street_id, EXCLUDED.street_name, EXCLUDED.huisnummer,
         EXCLUDED.huisletter, EXCLUDED.toevoeging, EXCLUDED.postcode, EXCLUDED.place, EXCLUDED.residential,
         ST_AsBinary(EXCLUDED.geom))
RETURNING (xmax = 0) AS inserted
