-- Records where a new session came from and whether its sign-in passed TOTP.
-- Params: $1 token hash, $2 ip, $3 user agent, $4 totp ok. Returns id.
UPDATE sessions SET ip = $2, user_agent = $3, totp_ok = $4 WHERE token_hash = $1 RETURNING id
