-- The evenings of a municipality as the public sees them (no venue address, no organiser, no
-- invitation): those ending after $2, planned, cancelled or held. Params: $1 municipality code,
-- $2 ends after (timestamptz). Returns id, title, starts_at, ends_at, venue_name, lon, lat,
-- area_streets, status, sequence, updated_at, speakers, language.
SELECT e.id::int, e.title, e.starts_at, e.ends_at, e.venue_name,
       ST_X(ST_Transform(e.venue_geom, 4326)) AS lon, ST_Y(ST_Transform(e.venue_geom, 4326)) AS lat,
       e.area_streets, e.status, e.sequence, e.updated_at, e.speakers, e.language
FROM evenings e JOIN municipalities m ON m.id = e.municipality_id
WHERE m.code = $1 AND e.ends_at > $2
ORDER BY e.starts_at, e.id
LIMIT 200
