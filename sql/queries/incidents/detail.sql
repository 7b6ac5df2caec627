-- One incident as an officer sees it: where (address or point), when, how, and its source.
-- Params: $1 incident id. Returns: one row or none.
SELECT i.id, i.municipality_id, m.code AS municipality, i.source, i.external_id, i.occurred_from, i.occurred_to,
       i.attempt, i.modus_operandi, mo.label_nl AS modus_operandi_label, i.mo_text, i.location_label, i.location_source,
       s.name AS street_name,
       a.street_name AS address_street, a.huisnummer, a.huisletter, a.toevoeging, a.postcode, a.place,
       ST_X(ST_Transform(i.geom, 4326)) AS lon, ST_Y(ST_Transform(i.geom, 4326)) AS lat
FROM incidents i
JOIN municipalities m ON m.id = i.municipality_id
JOIN modus_operandi mo ON mo.code = i.modus_operandi
LEFT JOIN streets s ON s.id = i.street_id
LEFT JOIN addresses a ON a.id = i.address_id
WHERE i.id = $1
