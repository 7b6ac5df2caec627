-- Snaps incidents to their street: the street of the matched address; else the street the
-- label names ("On or near X" or the export's straat; the nearest namesake within 1 km, or the
-- only one when the incident has no point); else the nearest named street segment within $3 m.
-- Params: $1 municipality id, $2 incident ids (bigint[]), $3 snap distance in metres.
-- Returns: id, street_id of each incident it changed.
UPDATE incidents u SET street_id = c.street_id
FROM (
  SELECT i.id, COALESCE(a.street_id, lbl.id, near.street_id) AS street_id
  FROM incidents i
  LEFT JOIN addresses a ON a.id = i.address_id
  LEFT JOIN LATERAL (
    SELECT st.id FROM streets st
    WHERE st.municipality_id = i.municipality_id
      AND i.location_label IS NOT NULL
      AND lower(st.name) = lower(regexp_replace(i.location_label, '^\s*on or near\s+', '', 'i'))
      AND CASE WHEN i.geom IS NULL
               THEN (SELECT count(*) FROM streets s2 WHERE s2.municipality_id = i.municipality_id AND lower(s2.name) = lower(st.name)) = 1
               ELSE st.geom IS NULL OR ST_DWithin(st.geom, i.geom, 1000) END
    ORDER BY st.geom <-> i.geom NULLS LAST, st.id
    LIMIT 1
  ) lbl ON a.street_id IS NULL
  LEFT JOIN LATERAL (
    SELECT ss.street_id FROM street_segments ss
    JOIN streets st ON st.id = ss.street_id AND st.municipality_id = i.municipality_id
    WHERE ST_DWithin(ss.geom, i.geom, $3)
    ORDER BY ss.geom <-> i.geom
    LIMIT 1
  ) near ON a.street_id IS NULL AND lbl.id IS NULL AND i.geom IS NOT NULL
  WHERE i.municipality_id = $1 AND i.id = ANY($2::bigint[])
) c
WHERE u.id = c.id AND u.street_id IS DISTINCT FROM c.street_id
RETURNING u.id, u.street_id
