-- Fails letters at once with their reason (bad data, broken template). Only pending letters change.
-- Params: $1 letter ids (bigint[]), $2 reasons (text[]). Returns id.
UPDATE letters l SET status = 'failed', reason = r.reason
FROM unnest($1::bigint[], $2::text[]) AS r(id, reason)
WHERE l.id = r.id AND l.status = 'pending'
RETURNING l.id
