-- The first municipalities by code, to tell whether the database holds exactly one (and to
-- name a few when it holds several). Params: $1 at most this many. Returns: id, code, name.
SELECT id, code, name FROM municipalities ORDER BY code LIMIT $1
