-- Lines of a subsidy file whose address is not stored for the municipality (the file is refused).
-- Params: $1 municipality id, $2 rows as jsonb [{line, postcode, huisnummer, huisletter, toevoeging}].
-- Returns line (int), postcode, huisnummer, huisletter, toevoeging of every row without an address.
SELECT r.line, r.postcode, r.huisnummer, r.huisletter, r.toevoeging
FROM jsonb_to_recordset($2::jsonb) AS r(line int, postcode text, huisnummer int, huisletter text, toevoeging text)
WHERE NOT EXISTS (
  SELECT 1 FROM addresses a
  WHERE a.municipality_id = $1 AND a.postcode = r.postcode AND a.huisnummer = r.huisnummer
    AND a.huisletter IS NOT DISTINCT FROM r.huisletter AND a.toevoeging IS NOT DISTINCT FROM r.toevoeging
)
ORDER BY r.line
