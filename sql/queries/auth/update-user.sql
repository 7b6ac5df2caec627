-- Changes a user's role, name and whether the account is disabled (NULL leaves a field as it is).
-- Params: $1 user id, $2 role, $3 name, $4 disabled (boolean). Returns id.
UPDATE users SET
  role = coalesce($2, role),
  name = coalesce($3, name),
  disabled_at = CASE WHEN $4::boolean IS NULL THEN disabled_at WHEN $4 THEN coalesce(disabled_at, now()) ELSE NULL END
WHERE id = $1
RETURNING id
