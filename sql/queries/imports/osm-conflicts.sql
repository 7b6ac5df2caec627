-- Address points and street segments of an OpenStreetMap file (staged in osm_address and
-- osm_segment) that are stored for another municipality than the one the file is imported
-- into: importing would move them there (a wrong --municipality), which import-osm does only
-- with --move-from. Params: $1 id of the municipality imported into. Runs on the temp tables.
-- Returns per other municipality: id, code, name, addresses, segments (counts), example (an OSM key).
SELECT m.id, m.code, m.name,
       count(DISTINCT x.key) FILTER (WHERE x.kind = 'address')::int AS addresses,
       count(DISTINCT x.key) FILTER (WHERE x.kind = 'segment')::int AS segments,
       min(x.key) AS example
FROM (
  SELECT a.municipality_id AS mid, o.key, 'address' AS kind
  FROM osm_address o JOIN addresses a ON a.source = 'osm' AND a.source_key = o.key
  WHERE a.municipality_id <> $1
  UNION ALL
  SELECT st.municipality_id, o.key, 'segment'
  FROM osm_segment o JOIN street_segments g ON g.source = 'osm' AND g.source_key = o.key JOIN streets st ON st.id = g.street_id
  WHERE st.municipality_id <> $1
) x
JOIN municipalities m ON m.id = x.mid
GROUP BY m.id, m.code, m.name
ORDER BY m.code
