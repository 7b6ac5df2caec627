-- Prevention evenings ("preventiebijeenkomsten", issue 12): an evening for a street or
-- neighbourhood, the invitations sent to its residential addresses (each with a personal sign-up
-- code printed in the letter) and the sign-ups. Capacity is enforced by locking the evening row
-- while a sign-up is counted (evenings/lock-evening.sql).

CREATE TABLE evenings (
  id               bigserial PRIMARY KEY,
  municipality_id  int NOT NULL REFERENCES municipalities(id),
  title            text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  starts_at        timestamptz NOT NULL,
  ends_at          timestamptz NOT NULL,
  venue_name       text NOT NULL CHECK (length(venue_name) BETWEEN 1 AND 200),
  -- The venue's postal address: printed in the letter, never answered on the public side.
  venue_address    text NOT NULL CHECK (length(venue_address) BETWEEN 1 AND 300),
  venue_geom       geometry(Point, 28992) NOT NULL,
  capacity         int NOT NULL CHECK (capacity BETWEEN 1 AND 10000),
  speakers         text[] NOT NULL DEFAULT '{}',
  language         text NOT NULL CHECK (language IN ('nl', 'en')),
  organiser_name   text NOT NULL,
  organiser_email  text,
  organiser_phone  text,
  selection        jsonb NOT NULL,          -- the target area: streets, polygon, risk zones or a cluster
  area_streets     text[] NOT NULL DEFAULT '{}', -- names of the streets in that area (public)
  status           text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'cancelled', 'held')),
  -- iCalendar SEQUENCE: raised on every change.
  sequence         int NOT NULL DEFAULT 0,
  campaign_id      bigint REFERENCES campaigns(id) ON DELETE SET NULL,
  contacts_deleted_at timestamptz,
  created_by       int REFERENCES users(id) ON DELETE SET NULL,
  created_actor    text NOT NULL,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  CHECK (ends_at > starts_at)
);
CREATE INDEX evenings_municipality_idx ON evenings (municipality_id, starts_at);

-- One invitation per residential address in the area. The code is the resident's key to the
-- sign-up page: 8 characters of Crockford base32 from crypto.randomBytes (40 bits), unique
-- across all evenings, so a look-up by code alone finds one invitation.
CREATE TABLE evening_invitations (
  id               bigserial PRIMARY KEY,
  evening_id       bigint NOT NULL REFERENCES evenings(id) ON DELETE CASCADE,
  address_id       bigint NOT NULL REFERENCES addresses(id),
  letter_id        bigint REFERENCES letters(id) ON DELETE SET NULL,
  code             text NOT NULL CHECK (code ~ '^[0-9A-HJKMNP-TV-Z]{8}$'),
  attended_at      timestamptz,
  UNIQUE (evening_id, address_id)
);
CREATE UNIQUE INDEX evening_invitations_code_idx ON evening_invitations (code);
CREATE UNIQUE INDEX evening_invitations_letter_idx ON evening_invitations (letter_id);

-- A household's sign-up: confirmed while it fits the capacity, else on the waiting list
-- (in order of waiting_since). Name and e-mail only with consent; deleted after the evening.
CREATE TABLE evening_signups (
  invitation_id    bigint PRIMARY KEY REFERENCES evening_invitations(id) ON DELETE CASCADE,
  evening_id       bigint NOT NULL REFERENCES evenings(id) ON DELETE CASCADE,
  people           int NOT NULL CHECK (people BETWEEN 1 AND 10),
  status           text NOT NULL CHECK (status IN ('confirmed', 'waiting')),
  name             text,
  email            text,
  consent_at       timestamptz,
  waiting_since    timestamptz,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  CHECK ((name IS NULL AND email IS NULL) OR consent_at IS NOT NULL)
);
CREATE INDEX evening_signups_evening_idx ON evening_signups (evening_id, status);
