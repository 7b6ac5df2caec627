-- Every geometry column has a GiST index (0001): the inspections' start and route, the findings'
-- phone positions (findings on the officers' map are found by area).
CREATE INDEX inspections_route_start_gix ON inspections USING gist (route_start);
CREATE INDEX inspections_route_geom_gix ON inspections USING gist (route_geom);
CREATE INDEX inspection_findings_position_gix ON inspection_findings USING gist (position);
