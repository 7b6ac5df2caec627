-- The streets of one municipality with what the public privacy rules need: the number of
-- residential addresses and the area (buurt/wijk where loaded, else a grid cell) the street
-- is merged into when it has too few. No address leaves this query, only counts.
-- Params: $1 municipality_id, $2 grid cell size in metres (EPSG:28992).
-- Returns id, name, place, addresses, area_code, area_name, grid_x, grid_y, has_geom, west, south, east, north.
WITH s AS (
  SELECT st.id, st.name, st.place,
         COALESCE(st.geom, (SELECT ST_Multi(ST_Union(g.geom)) FROM street_segments g WHERE g.street_id = st.id)) AS geom,
         (SELECT count(*) FROM addresses a WHERE a.street_id = st.id AND a.residential)::int AS addresses,
         (SELECT ST_Centroid(ST_Collect(a.geom)) FROM addresses a WHERE a.street_id = st.id AND a.residential) AS homes
  FROM streets st
  WHERE st.municipality_id = $1
), p AS (
  -- Where the homes are; a street without homes by the middle of its line.
  SELECT s.*, COALESCE(s.homes, ST_PointOnSurface(s.geom)) AS pt, ST_Transform(s.geom, 4326) AS geom4326
  FROM s
)
SELECT p.id::int AS id, p.name, p.place, p.addresses,
       nb.code AS area_code, nb.name AS area_name,
       floor(ST_X(p.pt) / $2)::int AS grid_x, floor(ST_Y(p.pt) / $2)::int AS grid_y,
       p.geom IS NOT NULL AS has_geom,
       ST_XMin(p.geom4326) AS west, ST_YMin(p.geom4326) AS south, ST_XMax(p.geom4326) AS east, ST_YMax(p.geom4326) AS north
FROM p
LEFT JOIN LATERAL (
  SELECT n.code, n.name FROM neighbourhoods n
  WHERE n.municipality_id = $1 AND ST_Contains(n.geom, p.pt)
  ORDER BY (n.kind = 'buurt') DESC, ST_Area(n.geom)
  LIMIT 1
) nb ON true
WHERE p.pt IS NOT NULL
ORDER BY p.id
