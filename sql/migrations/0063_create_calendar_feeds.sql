-- A private calendar feed per user (issue 12, calendar part): a secret URL listing the street
-- inspections the user is a team member of, for the user's own calendar app. Only the SHA-256 of
-- the secret is stored (the URL is shown once); a user has at most one live feed, and revoking it
-- (or making a new one) makes the old URL answer 410 Gone.
CREATE TABLE calendar_feeds (
  id            bigserial PRIMARY KEY,
  user_id       int NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  token_hash    bytea NOT NULL UNIQUE,
  created_at    timestamptz NOT NULL DEFAULT now(),
  revoked_at    timestamptz,
  last_used_at  timestamptz
);
CREATE UNIQUE INDEX calendar_feeds_live_idx ON calendar_feeds (user_id) WHERE revoked_at IS NULL;
