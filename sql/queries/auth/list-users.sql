-- Every user for the admin screen, with municipalities and security state (no secrets).
-- Params: none.
-- Returns id, email, name, role, disabled_at, created_at, locked_until, totp_enabled_at, municipality_codes.
SELECT u.id, u.email, u.name, u.role, u.disabled_at, u.created_at, u.locked_until, u.totp_enabled_at,
       coalesce(array_agg(m.code ORDER BY m.code) FILTER (WHERE m.code IS NOT NULL), '{}') AS municipality_codes
FROM users u
LEFT JOIN user_municipalities um ON um.user_id = u.id
LEFT JOIN municipalities m ON m.id = um.municipality_id
GROUP BY u.id
ORDER BY lower(u.email)
