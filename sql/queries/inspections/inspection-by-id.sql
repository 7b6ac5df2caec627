-- One inspection with its municipality, streets (in walking order once routed), team and route.
-- Never an address. Params: $1 inspection_id. Returns one row or none.
SELECT i.id::int, i.municipality_id, m.code AS municipality_code, m.name AS municipality_name, m.settings,
       i.title, i.starts_at, i.notes, i.status, i.selection, i.created_actor, i.created_at, i.updated_at,
       i.route_length_m, i.route_minutes, i.route_params, i.route_start_label, i.route_at,
       ST_X(ST_Transform(i.route_start, 4326)) AS start_lon, ST_Y(ST_Transform(i.route_start, 4326)) AS start_lat,
       CASE WHEN i.route_geom IS NOT NULL THEN ST_AsGeoJSON(ST_Transform(
         ST_MakeLine(ARRAY(SELECT d.geom FROM ST_Dump(i.route_geom) d ORDER BY d.path)), 4326), 6) END AS route_geojson,
       (SELECT coalesce(json_agg(json_build_object('streetId', s.id, 'name', s.name, 'position', x.position,
                 'reachedAtM', x.reached_at_m,
                 'lon', ST_X(ST_Transform(ST_PointOnSurface(s.geom), 4326)),
                 'lat', ST_Y(ST_Transform(ST_PointOnSurface(s.geom), 4326)))
               ORDER BY x.position NULLS LAST, s.name, s.id), '[]')
        FROM inspection_streets x JOIN streets s ON s.id = x.street_id WHERE x.inspection_id = i.id) AS streets,
       (SELECT coalesce(json_agg(json_build_object('userId', mb.user_id, 'name', coalesce(mb.name, u.name, u.email))
               ORDER BY mb.id), '[]')
        FROM inspection_members mb LEFT JOIN users u ON u.id = mb.user_id WHERE mb.inspection_id = i.id) AS team,
       (SELECT count(*)::int FROM inspection_findings f WHERE f.inspection_id = i.id) AS findings
FROM inspections i JOIN municipalities m ON m.id = i.municipality_id
WHERE i.id = $1
