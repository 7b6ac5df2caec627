-- The findings of an inspection with their street, in walking order then time. A finding without
-- a phone position is shown on its street. Params: $1 inspection_id.
-- Returns id, street_id, street, position_in_walk, item, note, follow_up, recorded_at, recorded_by, lon, lat,
-- photo (whether a photo is stored).
SELECT f.id, f.street_id::int, s.name AS street, x.position AS position_in_walk, f.item, f.note, f.follow_up,
       f.recorded_at, coalesce(u.name, u.email) AS recorded_by,
       ST_X(ST_Transform(coalesce(f.position, ST_PointOnSurface(s.geom)), 4326)) AS lon,
       ST_Y(ST_Transform(coalesce(f.position, ST_PointOnSurface(s.geom)), 4326)) AS lat,
       f.photo_sha256 IS NOT NULL AS photo
FROM inspection_findings f
JOIN streets s ON s.id = f.street_id
JOIN inspection_streets x ON x.inspection_id = f.inspection_id AND x.street_id = f.street_id
LEFT JOIN users u ON u.id = f.recorded_by
WHERE f.inspection_id = $1
ORDER BY x.position NULLS LAST, f.recorded_at, f.id
