-- Records rendered letters; only a pending letter changes, so a retried or duplicated job cannot
-- record a letter twice. Params: $1 letter ids (bigint[]), $2 sha256 hex (text[]), $3 sizes (int[]).
-- Returns id of every letter this call recorded.
UPDATE letters l SET status = 'rendered', pdf_sha256 = r.sha, pdf_bytes = r.bytes, rendered_at = now(), reason = NULL
FROM unnest($1::bigint[], $2::text[], $3::int[]) AS r(id, sha, bytes)
WHERE l.id = r.id AND l.status = 'pending'
RETURNING l.id
