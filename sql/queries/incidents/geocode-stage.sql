-- Geocodes staged incident rows that have an address but no coordinates against the loaded
-- addresses (BAG/OSM) of the municipality: postcode + huisnummer + huisletter + toevoeging
-- must match exactly one address; none or several is an error on the row, never a guess.
-- Params: $1 municipality id. Runs on the temp table incident_stage. Returns nothing.
UPDATE incident_stage s
SET address_id = m.address_id,
    geom = m.geom,
    location_source = CASE WHEN m.n = 1 THEN 'address' END,
    error = CASE
      WHEN m.n = 0 THEN 'no address ' || s.postcode || ' ' || s.huisnummer || coalesce(s.huisletter, '')
                        || coalesce('-' || s.toevoeging, '') || ' in the loaded addresses of this municipality; add coordinates or load the BAG'
      WHEN m.n > 1 THEN 'address ' || s.postcode || ' ' || s.huisnummer || coalesce(s.huisletter, '')
                        || coalesce('-' || s.toevoeging, '') || ' matches ' || m.n || ' addresses; add the huisletter/toevoeging or coordinates'
    END
FROM (
  SELECT s.ord, count(a.id) AS n, min(a.id) AS address_id,
         CASE WHEN count(a.id) = 1 THEN (array_agg(a.geom))[1] END AS geom
  FROM incident_stage s
  LEFT JOIN addresses a
    ON a.municipality_id = $1 AND a.postcode = s.postcode AND a.huisnummer = s.huisnummer
   AND upper(coalesce(a.huisletter, '')) = coalesce(s.huisletter, '')
   AND upper(coalesce(a.toevoeging, '')) = coalesce(s.toevoeging, '')
  WHERE s.postcode IS NOT NULL AND s.srid IS NULL AND s.error IS NULL
  GROUP BY s.ord
) m
WHERE m.ord = s.ord
