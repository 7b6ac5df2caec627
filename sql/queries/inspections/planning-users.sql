-- Users who may be in an inspection team of a municipality (enabled; admins, or with access to it).
-- Params: $1 municipality_id. Returns id, name (the user's name, else the e-mail address), role.
SELECT u.id, coalesce(u.name, u.email) AS name, u.role FROM users u
WHERE u.disabled_at IS NULL
  AND (u.role = 'admin' OR EXISTS (
    SELECT 1 FROM user_municipalities um WHERE um.user_id = u.id AND um.municipality_id = $1))
ORDER BY coalesce(u.name, u.email), u.id
