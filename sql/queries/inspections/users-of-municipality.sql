-- Which of the given users may work in a municipality (admins may everywhere; disabled users may not).
-- Params: $1 municipality_id, $2 user ids (int[]). Returns id.
SELECT u.id FROM users u
WHERE u.id = ANY ($2::int[]) AND u.disabled_at IS NULL
  AND (u.role = 'admin' OR EXISTS (
    SELECT 1 FROM user_municipalities um WHERE um.user_id = u.id AND um.municipality_id = $1))
