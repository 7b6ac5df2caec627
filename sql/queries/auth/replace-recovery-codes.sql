-- Adds a user's new recovery codes (delete-recovery-codes.sql removes the old ones first, in
-- the same transaction). Params: $1 user id, $2 SHA-256 hashes (bytea[]).
-- Returns nothing.
INSERT INTO totp_recovery_codes (user_id, code_hash) SELECT $1, h FROM unnest($2::bytea[]) AS h
