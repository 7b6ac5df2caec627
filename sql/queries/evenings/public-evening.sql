-- One evening of a municipality as the public sees it (see public-evenings.sql). Params: $1 municipality
-- code, $2 evening id. Returns the same columns as public-evenings.sql.
SELECT e.id::int, e.title, e.starts_at, e.ends_at, e.venue_name,
       ST_X(ST_Transform(e.venue_geom, 4326)) AS lon, ST_Y(ST_Transform(e.venue_geom, 4326)) AS lat,
       e.area_streets, e.status, e.sequence, e.updated_at, e.speakers, e.language
FROM evenings e JOIN municipalities m ON m.id = e.municipality_id
WHERE m.code = $1 AND e.id = $2
