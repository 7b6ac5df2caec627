-- Gives incidents without a point the middle of their street (police.uk rows without
-- coordinates whose "On or near" street is known with a geometry), marked location_source 'street'.
-- Params: $1 municipality id, $2 incident ids (bigint[]). Returns: id.
UPDATE incidents i
SET geom = ST_ClosestPoint(st.geom, ST_Centroid(st.geom)), location_source = 'street'
FROM streets st
WHERE st.id = i.street_id AND st.geom IS NOT NULL
  AND i.geom IS NULL AND i.municipality_id = $1 AND i.id = ANY($2::bigint[])
RETURNING i.id
