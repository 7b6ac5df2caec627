-- Inserts or updates the valid staged incident rows of one import. A row identical to what is
-- stored is left alone (not returned), so a re-import changes nothing; an external id owned by
-- another municipality is left alone too (reported by the importer).
-- Params: $1 municipality id, $2 source ('police-uk', 'nl-csv', 'geojson').
-- Returns: id, inserted (false = updated).
INSERT INTO incidents (municipality_id, source, external_id, occurred_from, occurred_to, attempt, modus_operandi,
                       mo_text, location_label, address_id, geom, location_source)
SELECT $1, $2, s.external_id, s.occurred_from, s.occurred_to, s.attempt, s.modus_operandi, s.mo_text,
       s.location_label, s.address_id, s.geom, s.location_source
FROM incident_stage s
WHERE s.error IS NULL
ORDER BY s.ord
ON CONFLICT (source, external_id) DO UPDATE
  SET occurred_from = EXCLUDED.occurred_from, occurred_to = EXCLUDED.occurred_to, attempt = EXCLUDED.attempt,
      modus_operandi = EXCLUDED.modus_operandi, mo_text = EXCLUDED.mo_text, location_label = EXCLUDED.location_label,
      address_id = EXCLUDED.address_id, geom = EXCLUDED.geom, location_source = EXCLUDED.location_source
  WHERE incidents.municipality_id = EXCLUDED.municipality_id
    -- a point placed on the street by an earlier import counts as "no point" from the file
    AND (incidents.occurred_from, incidents.occurred_to, incidents.attempt, incidents.modus_operandi, incidents.mo_text,
         incidents.location_label, incidents.address_id,
         CASE WHEN incidents.location_source = 'street' THEN NULL ELSE ST_AsBinary(incidents.geom) END)
        IS DISTINCT FROM (EXCLUDED.occurred_from, EXCLUDED.occurred_to, EXCLUDED.attempt, EXCLUDED.modus_operandi,
         EXCLUDED.mo_text, EXCLUDED.location_label, EXCLUDED.address_id, ST_AsBinary(EXCLUDED.geom))
RETURNING id, (xmax = 0) AS inserted
