-- Counts a failed sign-in of an account; at $2 failures in a row the account is locked for $3
-- minutes and the count starts again. Params: $1 user id, $2 attempts, $3 minutes.
-- Returns failed_signins, locked_until.
UPDATE users SET
  failed_signins = CASE WHEN failed_signins + 1 >= $2 THEN 0 ELSE failed_signins + 1 END,
  locked_until = CASE WHEN failed_signins + 1 >= $2 THEN now() + make_interval(mins => $3::int) ELSE locked_until END
WHERE id = $1
RETURNING failed_signins, locked_until
