-- A campaign with its letter counts. Params: $1 campaign id.
-- Returns id, municipality_id, kind, template, language, created_at, created_actor, cancelled_at,
-- first_exported_at, pending, rendered, failed, excluded, cancelled.
SELECT c.id, c.municipality_id, c.kind, c.template, c.language, c.created_at, c.selection,
       c.created_actor, c.cancelled_at, c.first_exported_at,
       count(*) FILTER (WHERE l.status = 'pending')::int AS pending,
       count(*) FILTER (WHERE l.status = 'rendered')::int AS rendered,
       count(*) FILTER (WHERE l.status = 'failed')::int AS failed,
       count(*) FILTER (WHERE l.status = 'excluded')::int AS excluded,
       count(*) FILTER (WHERE l.status = 'cancelled')::int AS cancelled
FROM campaigns c LEFT JOIN letters l ON l.campaign_id = c.id
WHERE c.id = $1
GROUP BY c.id
