-- Inserts or updates the demo incidents (source 'demo'), each at its address's point; an
-- incident identical to what is stored is left alone (not returned), so a second run changes nothing.
-- Params: $1 municipality id, $2 the incidents as a JSON array (external_id, occurred_from,
-- occurred_to, attempt, modus_operandi, mo_text, location_label, address_id, street_id).
-- Returns per incident changed: inserted (true when new).
INSERT INTO incidents (municipality_id, source, external_id, occurred_from, occurred_to, attempt,
                       modus_operandi, mo_text, location_label, address_id, street_id, geom, location_source)
SELECT $1, 'demo', i.external_id, i.occurred_from, i.occurred_to, i.attempt, i.modus_operandi,
       i.mo_text, i.location_label, a.id, i.street_id, a.geom, 'address'
FROM jsonb_to_recordset($2::jsonb) AS i(external_id text, occurred_from timestamptz, occurred_to timestamptz,
       attempt boolean, modus_operandi text, mo_text text, location_label text, address_id bigint, street_id bigint)
JOIN addresses a ON a.id = i.address_id
ON CONFLICT (source, external_id) DO UPDATE
  SET municipality_id = EXCLUDED.municipality_id, occurred_from = EXCLUDED.occurred_from,
      occurred_to = EXCLUDED.occurred_to, attempt = EXCLUDED.attempt, modus_operandi = EXCLUDED.modus_operandi,
      mo_text = EXCLUDED.mo_text, location_label = EXCLUDED.location_label, address_id = EXCLUDED.address_id,
      street_id = EXCLUDED.street_id, geom = EXCLUDED.geom
  WHERE (incidents.municipality_id, incidents.occurred_from, incidents.occurred_to, incidents.attempt,
         incidents.modus_operandi, incidents.mo_text, incidents.location_label, incidents.address_id,
         incidents.street_id, ST_AsBinary(incidents.geom))
    IS DISTINCT FROM (EXCLUDED.municipality_id, EXCLUDED.occurred_from, EXCLUDED.occurred_to, EXCLUDED.attempt,
         EXCLUDED.modus_operandi, EXCLUDED.mo_text, EXCLUDED.location_label, EXCLUDED.address_id,
         EXCLUDED.street_id, ST_AsBinary(EXCLUDED.geom))
RETURNING (xmax = 0) AS inserted
