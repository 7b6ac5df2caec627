-- Records rendered letters; only a pending letter changes, so a retried or duplicated job cannot
-- record a letter twice. Params: $1 letter ids (bigint[]), $2 sha256 hex of the stored file
-- holding the letter (text[]), $3 size of that file (int[]), $4 the letter's 0-based page in it,
-- NULL when the whole file is the letter (int[]). Returns id of every letter this call recorded.
UPDATE letters l SET status = 'rendered', pdf_sha256 = r.sha, pdf_bytes = r.bytes, pdf_page = r.page,
       rendered_at = now(), reason = NULL
FROM unnest($1::bigint[], $2::text[], $3::int[], $4::int[]) AS r(id, sha, bytes, page)
WHERE l.id = r.id AND l.status = 'pending'
RETURNING l.id
