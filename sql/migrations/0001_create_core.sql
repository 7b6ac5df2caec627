-- Core data model: municipalities, streets, residential addresses, incidents, users and the
-- audit log. Geometry is stored in EPSG:28992 (RD New, metres) for distance work and served
-- as EPSG:4326. Every geometry column has a GiST index.

CREATE EXTENSION IF NOT EXISTS postgis;

CREATE TABLE municipalities (
  id          serial PRIMARY KEY,
  -- CBS gemeentecode (GM0503 for Delft); other deployments (police.uk test data) may use their own code.
  code        text NOT NULL UNIQUE CHECK (code ~ '^[A-Z0-9_-]{2,20}$'),
  name        text NOT NULL,
  -- Letterhead, logo (SVG), signatory, contact and subsidy details; validated by
  -- server/municipalities/municipality-settings.ts.
  settings    jsonb NOT NULL DEFAULT '{}'::jsonb,
  boundary    geometry(MultiPolygon, 28992),
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX municipalities_boundary_gix ON municipalities USING gist (boundary);

-- A street is a name within a place; its segments are the source ways (OSM, NWB).
CREATE TABLE streets (
  id               bigserial PRIMARY KEY,
  municipality_id  int NOT NULL REFERENCES municipalities(id),
  name             text NOT NULL,
  place            text NOT NULL,
  -- Union of the segments; NULL for a street known only from addresses.
  geom             geometry(MultiLineString, 28992),
  UNIQUE (municipality_id, name, place)
);
CREATE INDEX streets_geom_gix ON streets USING gist (geom);

CREATE TABLE street_segments (
  id          bigserial PRIMARY KEY,
  street_id   bigint NOT NULL REFERENCES streets(id) ON DELETE CASCADE,
  source      text NOT NULL,
  source_key  text NOT NULL,
  highway     text,
  geom        geometry(LineString, 28992) NOT NULL,
  UNIQUE (source, source_key)
);
CREATE INDEX street_segments_geom_gix ON street_segments USING gist (geom);
CREATE INDEX street_segments_street_idx ON street_segments (street_id);

CREATE TABLE addresses (
  id               bigserial PRIMARY KEY,
  municipality_id  int NOT NULL REFERENCES municipalities(id),
  street_id        bigint REFERENCES streets(id),
  source           text NOT NULL,          -- 'osm', 'bag'
  source_key       text NOT NULL,          -- OSM 'n123'/'w456', BAG nummeraanduiding id
  bag_id           text,                   -- BAG nummeraanduiding id (16 digits) where known
  street_name      text NOT NULL,
  huisnummer       int NOT NULL CHECK (huisnummer > 0),
  huisletter       text CHECK (huisletter ~ '^[A-Za-z]$'),
  toevoeging       text CHECK (length(toevoeging) <= 4),
  postcode         text CHECK (postcode ~ '^[1-9][0-9]{3}[A-Z]{2}$'),
  place            text NOT NULL,
  residential      boolean NOT NULL DEFAULT true,
  geom             geometry(Point, 28992) NOT NULL,
  UNIQUE (source, source_key)
);
CREATE INDEX addresses_geom_gix ON addresses USING gist (geom);
CREATE INDEX addresses_street_idx ON addresses (street_id);
CREATE INDEX addresses_postcode_idx ON addresses (postcode, huisnummer);
CREATE INDEX addresses_bag_idx ON addresses (bag_id);

-- Methods of entry (domain.md). Labels and advice keys live in code; codes are stable.
CREATE TABLE modus_operandi (
  code      text PRIMARY KEY,
  label_nl  text NOT NULL,
  label_en  text NOT NULL
);
INSERT INTO modus_operandi (code, label_nl, label_en) VALUES
  ('cylinder_snapping', 'Cilindertrekken', 'Lock cylinder snapped'),
  ('latch_slipping',    'Flipperen (slot opengeschoven)', 'Latch slipped'),
  ('open_window_door',  'Via open raam of deur', 'Through an open window or door'),
  ('door_forced',       'Deur geforceerd', 'Door forced'),
  ('window_forced',     'Raam geforceerd of ingeslagen', 'Window forced or broken'),
  ('climbing',          'Inklimmen (balkon, dak)', 'Climbed in (balcony, roof)'),
  ('unknown',           'Onbekend', 'Unknown');

CREATE TABLE incidents (
  id               bigserial PRIMARY KEY,
  municipality_id  int NOT NULL REFERENCES municipalities(id),
  source           text NOT NULL,          -- 'police-uk', 'nl-csv', 'geojson', 'demo' (synthetic)
  external_id      text NOT NULL,          -- police registration number, or a content key
  occurred_from    timestamptz NOT NULL,
  occurred_to      timestamptz NOT NULL,
  attempt          boolean NOT NULL DEFAULT false,
  modus_operandi   text NOT NULL DEFAULT 'unknown' REFERENCES modus_operandi(code),
  mo_text          text,                   -- the police's free text, officers only
  location_label   text,                   -- e.g. police.uk 'On or near High Street'
  address_id       bigint REFERENCES addresses(id),
  street_id        bigint REFERENCES streets(id),
  geom             geometry(Point, 28992), -- NULL: not located (reported at import)
  imported_at      timestamptz NOT NULL DEFAULT now(),
  UNIQUE (source, external_id),
  CHECK (occurred_to >= occurred_from)
);
CREATE INDEX incidents_geom_gix ON incidents USING gist (geom);
CREATE INDEX incidents_time_idx ON incidents (municipality_id, occurred_from);
CREATE INDEX incidents_street_idx ON incidents (street_id);

CREATE TABLE users (
  id             serial PRIMARY KEY,
  email          text NOT NULL,
  name           text,
  role           text NOT NULL CHECK (role IN ('admin', 'officer', 'planner')),
  password_hash  text,                     -- scrypt, see server/auth/passwords.ts
  disabled_at    timestamptz,
  created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_email_key ON users (lower(email));

-- Municipalities a user may see; admins see all.
CREATE TABLE user_municipalities (
  user_id          int NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  municipality_id  int NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
  PRIMARY KEY (user_id, municipality_id)
);

CREATE TABLE sessions (
  id          bigserial PRIMARY KEY,
  token_hash  bytea NOT NULL UNIQUE,       -- sha256 of the cookie value; the value itself is never stored
  csrf_token  text NOT NULL,
  user_id     int NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_at  timestamptz NOT NULL DEFAULT now(),
  expires_at  timestamptz NOT NULL
);
CREATE INDEX sessions_expiry_idx ON sessions (expires_at);

CREATE TABLE api_tokens (
  id            serial PRIMARY KEY,
  user_id       int NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  name          text NOT NULL,
  token_hash    bytea NOT NULL UNIQUE,     -- sha256 of the token; shown once at creation
  created_at    timestamptz NOT NULL DEFAULT now(),
  last_used_at  timestamptz,
  revoked_at    timestamptz
);

-- Every officer action on personal data and every sign-in. Append-only by convention.
CREATE TABLE audit_log (
  id               bigserial PRIMARY KEY,
  at               timestamptz NOT NULL DEFAULT now(),
  user_id          int REFERENCES users(id) ON DELETE SET NULL,
  actor            text NOT NULL,          -- email, or 'cli:<os user>' for command-line work
  action           text NOT NULL,          -- e.g. 'session.create', 'incidents.import'
  municipality_id  int REFERENCES municipalities(id) ON DELETE SET NULL,
  subject_type     text,
  subject_id       text,
  details          jsonb NOT NULL DEFAULT '{}'::jsonb,
  ip               inet
);
CREATE INDEX audit_log_at_idx ON audit_log (at);
CREATE INDEX audit_log_user_idx ON audit_log (user_id, at);
