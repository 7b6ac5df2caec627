-- Audit log entries for the viewer, newest first. Params: $1 municipality ids (int[]; NULL =
-- all, also entries without a municipality), $2 actor (email, exact; NULL = any), $3 action
-- prefix (NULL = any), $4 from, $5 before (timestamptz, NULL = any), $6 limit.
-- Returns id, at, actor, user_id, action, municipality_code, subject_type, subject_id, details, ip.
SELECT a.id::text AS id, a.at, a.actor, a.user_id, a.action, m.code AS municipality_code,
       a.subject_type, a.subject_id, a.details, host(a.ip) AS ip
FROM audit_log a
LEFT JOIN municipalities m ON m.id = a.municipality_id
WHERE ($1::int[] IS NULL OR a.municipality_id = ANY ($1::int[]))
  AND ($2::text IS NULL OR lower(a.actor) = lower($2))
  AND ($3::text IS NULL OR a.action LIKE replace(replace(replace($3, '\', '\\'), '%', '\%'), '_', '\_') || '%')
  AND ($4::timestamptz IS NULL OR a.at >= $4)
  AND ($5::timestamptz IS NULL OR a.at < $5)
ORDER BY a.at DESC, a.id DESC
LIMIT $6
