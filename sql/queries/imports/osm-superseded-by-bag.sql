-- Addresses loaded from OpenStreetMap that the BAG now supplies (same postcode, house number,
-- letter and addition in the same municipality) stop counting as homes: letters, risk-zone
-- counts and public figures then see each home once. The rows stay (incidents may point at them).
-- Params: $1 municipality id. Returns: nothing (rowCount = addresses changed).
UPDATE addresses o SET residential = false
WHERE o.source = 'osm' AND o.municipality_id = $1 AND o.residential
  AND EXISTS (
    SELECT 1 FROM addresses b
    WHERE b.source = 'bag' AND b.municipality_id = o.municipality_id AND b.postcode = o.postcode
      AND b.huisnummer = o.huisnummer AND b.huisletter IS NOT DISTINCT FROM o.huisletter
      AND b.toevoeging IS NOT DISTINCT FROM o.toevoeging
  )
