-- How much of each street of an inspection lies within a distance of its stored route (0..1), and
-- the route's length by PostGIS. Params: $1 inspection_id, $2 distance in metres.
-- Returns street_id, name, covered, near, route_length_m.
SELECT s.id::int AS street_id, s.name,
       ST_Length(ST_Intersection(s.geom, ST_Buffer(i.route_geom, $2))) / nullif(ST_Length(s.geom), 0) AS covered,
       ST_DWithin(s.geom, i.route_geom, $2) AS near,
       ST_Length(i.route_geom) AS route_length_m
FROM inspections i JOIN inspection_streets x ON x.inspection_id = i.id JOIN streets s ON s.id = x.street_id
WHERE i.id = $1 AND i.route_geom IS NOT NULL
ORDER BY x.position
