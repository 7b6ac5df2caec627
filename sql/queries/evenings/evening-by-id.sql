-- One evening with its municipality, venue point (EPSG:4326) and sign-up totals.
-- Params: $1 id. Returns one row (see server/evenings/evenings.repo.ts EveningRow).
SELECT e.id::int, e.municipality_id, m.code AS municipality_code, m.name AS municipality_name, m.settings,
       e.title, e.starts_at, e.ends_at, e.venue_name, e.venue_address,
       ST_X(ST_Transform(e.venue_geom, 4326)) AS lon, ST_Y(ST_Transform(e.venue_geom, 4326)) AS lat,
       e.capacity, e.speakers, e.language, e.organiser_name, e.organiser_email, e.organiser_phone,
       e.selection, e.area_streets, e.status, e.sequence, e.campaign_id::int AS campaign_id,
       e.contacts_deleted_at, e.created_actor, e.created_at, e.updated_at,
       (SELECT count(*)::int FROM evening_invitations i WHERE i.evening_id = e.id) AS invited,
       coalesce((SELECT sum(people)::int FROM evening_signups s WHERE s.evening_id = e.id AND s.status = 'confirmed'), 0) AS confirmed_people,
       coalesce((SELECT sum(people)::int FROM evening_signups s WHERE s.evening_id = e.id AND s.status = 'waiting'), 0) AS waiting_people
FROM evenings e JOIN municipalities m ON m.id = e.municipality_id
WHERE e.id = $1
