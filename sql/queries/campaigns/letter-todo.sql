-- Burglaries of the last $2 days whose cocoon has not had a letter yet, newest first: no
-- cocoon campaign (not cancelled) about the burglary, and no cocoon letter sent since it to an
-- address within $3 m of it. Params: $1 municipality ids (int[]; NULL = all), $2 days, $3 metres.
-- Returns id, municipality_code, occurred_from, attempt, modus_operandi, street_id, street_name, hours.
SELECT i.id::int AS id, m.code AS municipality_code, i.occurred_from, i.attempt, i.modus_operandi,
       i.street_id::int AS street_id,
       coalesce(s.name, regexp_replace(i.location_label, '^On or near ', '')) AS street_name,
       floor(extract(epoch FROM now() - i.occurred_from) / 3600)::int AS hours
FROM incidents i
JOIN municipalities m ON m.id = i.municipality_id
LEFT JOIN streets s ON s.id = i.street_id
WHERE ($1::int[] IS NULL OR i.municipality_id = ANY ($1::int[]))
  AND i.occurred_from > now() - make_interval(days => $2::int)
  AND i.occurred_from <= now()
  AND i.geom IS NOT NULL
  AND NOT EXISTS (
    SELECT 1 FROM campaigns c
    WHERE c.municipality_id = i.municipality_id AND c.kind = 'cocoon' AND c.cancelled_at IS NULL
      AND (c.incident_id = i.id OR (c.created_at >= i.occurred_from AND EXISTS (
        SELECT 1 FROM letters l JOIN addresses a ON a.id = l.address_id
        WHERE l.campaign_id = c.id AND l.status IN ('pending', 'rendered')
          AND ST_DWithin(a.geom, i.geom, $3)))))
ORDER BY i.occurred_from DESC, i.id DESC
