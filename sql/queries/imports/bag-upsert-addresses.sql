-- Inserts or updates the staged BAG addresses (keyed by source 'bag' and nummeraanduiding id).
-- An address identical to what is stored (its point within 5 cm) is left alone and not returned.
-- Params: $1 municipality id, $2 id of the --move-from municipality or null; runs on the temp
-- table bag_address. Returns per address changed: inserted (true when new).
INSERT INTO addresses (municipality_id, street_id, source, source_key, bag_id, street_name, huisnummer, huisletter,
                       toevoeging, postcode, place, residential, geom)
SELECT $1, st.id, 'bag', b.key, b.bag_id, b.street, b.huisnummer, b.huisletter, b.toevoeging,
       b.postcode, b.place, true,
       ST_Transform(ST_PointOnSurface(ST_SetSRID(ST_GeomFromGeoJSON(b.geom), 4326)), 28992)
FROM bag_address b
JOIN streets st ON st.municipality_id = $1 AND st.name = b.street AND st.place = b.place
ORDER BY b.key
ON CONFLICT (source, source_key) DO UPDATE
  SET municipality_id = EXCLUDED.municipality_id, street_id = EXCLUDED.street_id, bag_id = EXCLUDED.bag_id,
      street_name = EXCLUDED.street_name, huisnummer = EXCLUDED.huisnummer, huisletter = EXCLUDED.huisletter,
      toevoeging = EXCLUDED.toevoeging, postcode = EXCLUDED.postcode, place = EXCLUDED.place,
      residential = true, geom = EXCLUDED.geom
  -- Only within the municipality, or out of the one --move-from names: a concurrent
  -- import cannot move an address either (checked again by the importer).
  WHERE addresses.municipality_id IN ($1, $2)
    -- GeoJSON carries 7 decimals (~1 cm): a re-read of the same file moves no point by more than that.
    AND ((addresses.municipality_id, addresses.street_id, addresses.bag_id, addresses.street_name, addresses.huisnummer,
         addresses.huisletter, addresses.toevoeging, addresses.postcode, addresses.place, addresses.residential)
      IS DISTINCT FROM (EXCLUDED.municipality_id, EXCLUDED.street_id, EXCLUDED.bag_id, EXCLUDED.street_name,
         EXCLUDED.huisnummer, EXCLUDED.huisletter, EXCLUDED.toevoeging, EXCLUDED.postcode, EXCLUDED.place, true)
     OR NOT ST_DWithin(addresses.geom, EXCLUDED.geom, 0.05))
RETURNING (xmax = 0) AS inserted
