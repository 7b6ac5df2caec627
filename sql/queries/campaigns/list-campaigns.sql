-- Campaigns for the officers' list, newest first, with their letter counts.
-- Params: $1 municipality ids (int[]; NULL = all), $2 created from (timestamptz, NULL = any),
--         $3 created before (timestamptz, NULL = any), $4 kind (NULL = any), $5 street id: only
--         campaigns with a letter to that street (NULL = any), $6 limit.
-- Returns id, municipality_code, kind, template, language, created_at, created_actor,
--         cancelled_at, first_exported_at, pending, rendered, failed, excluded, cancelled, streets.
SELECT c.id::int AS id, m.code AS municipality_code, c.kind, c.template, c.language, c.created_at,
       c.created_actor, c.cancelled_at, c.first_exported_at,
       count(*) FILTER (WHERE l.status = 'pending')::int AS pending,
       count(*) FILTER (WHERE l.status = 'rendered')::int AS rendered,
       count(*) FILTER (WHERE l.status = 'failed')::int AS failed,
       count(*) FILTER (WHERE l.status = 'excluded')::int AS excluded,
       count(*) FILTER (WHERE l.status = 'cancelled')::int AS cancelled,
       count(DISTINCT a.street_id)::int AS streets
FROM campaigns c
JOIN municipalities m ON m.id = c.municipality_id
LEFT JOIN letters l ON l.campaign_id = c.id
LEFT JOIN addresses a ON a.id = l.address_id
WHERE ($1::int[] IS NULL OR c.municipality_id = ANY ($1::int[]))
  AND ($2::timestamptz IS NULL OR c.created_at >= $2)
  AND ($3::timestamptz IS NULL OR c.created_at < $3)
  AND ($4::text IS NULL OR c.kind = $4)
  AND ($5::bigint IS NULL OR EXISTS (
        SELECT 1 FROM letters l2 JOIN addresses a2 ON a2.id = l2.address_id
        WHERE l2.campaign_id = c.id AND a2.street_id = $5 AND l2.status IN ('pending', 'rendered')))
GROUP BY c.id, m.code
ORDER BY c.created_at DESC, c.id DESC
LIMIT $6
