-- Running the office (issue 10): account lockout, two-factor sign-in (TOTP), and an audit log
-- that the application cannot change.

-- Lockout per account: failed sign-ins in a row, and until when the account is locked.
ALTER TABLE users
  ADD COLUMN failed_signins  int NOT NULL DEFAULT 0,
  ADD COLUMN locked_until    timestamptz,
  -- TOTP (RFC 6238): the shared secret (base32) once enrolment is confirmed; pending while
  -- the user has scanned the QR code but not yet entered a code.
  ADD COLUMN totp_secret         text,
  ADD COLUMN totp_pending_secret text,
  ADD COLUMN totp_enabled_at     timestamptz;

-- One-time recovery codes for a lost phone, stored as SHA-256 (shown once at enrolment).
CREATE TABLE totp_recovery_codes (
  user_id    int NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  code_hash  bytea NOT NULL,
  used_at    timestamptz,
  PRIMARY KEY (user_id, code_hash)
);

-- Sessions remember where they came from, for the list of one's own sessions.
ALTER TABLE sessions
  ADD COLUMN ip          text,
  ADD COLUMN user_agent  text,
  ADD COLUMN totp_ok     boolean NOT NULL DEFAULT false;

-- The audit log is append-only: no UPDATE, DELETE or TRUNCATE, whoever asks (the application
-- connects as the owner, so a trigger rather than a revoked privilege). The one change let
-- through is the foreign keys' own ON DELETE SET NULL (a deleted user or municipality): the row
-- keeps who acted in `actor`, and nothing else may differ.
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE'
     AND (NEW.id, NEW.at, NEW.actor, NEW.action, NEW.subject_type, NEW.subject_id, NEW.details, NEW.ip)
         IS NOT DISTINCT FROM (OLD.id, OLD.at, OLD.actor, OLD.action, OLD.subject_type, OLD.subject_id, OLD.details, OLD.ip)
     AND (NEW.user_id IS NULL OR NEW.user_id IS NOT DISTINCT FROM OLD.user_id)
     AND (NEW.municipality_id IS NULL OR NEW.municipality_id IS NOT DISTINCT FROM OLD.municipality_id) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
CREATE INDEX audit_log_municipality_idx ON audit_log (municipality_id, at);
