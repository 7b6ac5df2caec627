-- Street inspections ("schouwen", issue 11): a team walks a set of streets, planned from streets,
-- a polygon, risk zones or a near-repeat cluster, and records findings per street. An inspection
-- holds streets only, never an address: a planner may see all of it.

CREATE TABLE inspections (
  id               bigserial PRIMARY KEY,
  municipality_id  int NOT NULL REFERENCES municipalities(id),
  title            text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  starts_at        timestamptz NOT NULL,
  notes            text NOT NULL DEFAULT '',
  status           text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'done', 'cancelled')),
  selection        jsonb NOT NULL,         -- what it was planned from (street ids, polygon, zones, incidents)
  -- The walking route, once computed (POST /api/inspections/:id/route).
  route_start      geometry(Point, 28992),
  route_start_label text,
  route_geom       geometry(MultiLineString, 28992),
  route_length_m   double precision,
  route_minutes    double precision,
  route_params     jsonb,
  route_at         timestamptz,
  created_by       int REFERENCES users(id) ON DELETE SET NULL,
  created_actor    text NOT NULL,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX inspections_municipality_idx ON inspections (municipality_id, starts_at);

CREATE TABLE inspection_streets (
  inspection_id    bigint NOT NULL REFERENCES inspections(id) ON DELETE CASCADE,
  street_id        bigint NOT NULL REFERENCES streets(id),
  -- Place in the walking order (1 = first); NULL until a route is computed.
  position         int,
  -- Metres walked along the route from the start to where this street is reached.
  reached_at_m     double precision,
  PRIMARY KEY (inspection_id, street_id)
);

-- Team members: users of the tool, or volunteers by name only.
CREATE TABLE inspection_members (
  id               bigserial PRIMARY KEY,
  inspection_id    bigint NOT NULL REFERENCES inspections(id) ON DELETE CASCADE,
  user_id          int REFERENCES users(id) ON DELETE CASCADE,
  name             text CHECK (length(name) BETWEEN 1 AND 200),
  CHECK ((user_id IS NULL) <> (name IS NULL))
);
CREATE UNIQUE INDEX inspection_members_user_key ON inspection_members (inspection_id, user_id) WHERE user_id IS NOT NULL;

-- A finding on a street. The id is made on the phone, so a finding sent twice (a lost answer on a
-- poor connection) is stored once.
CREATE TABLE inspection_findings (
  id               uuid PRIMARY KEY,
  inspection_id    bigint NOT NULL REFERENCES inspections(id) ON DELETE CASCADE,
  street_id        bigint NOT NULL REFERENCES streets(id),
  item             text NOT NULL,          -- checklist item key, or 'other'
  note             text NOT NULL DEFAULT '' CHECK (length(note) <= 2000),
  position         geometry(Point, 28992), -- from the phone, if given
  follow_up        text NOT NULL DEFAULT 'open' CHECK (follow_up IN ('open', 'maintenance', 'fixed')),
  recorded_at      timestamptz NOT NULL,   -- on the phone
  received_at      timestamptz NOT NULL DEFAULT now(),
  recorded_by      int REFERENCES users(id) ON DELETE SET NULL,
  FOREIGN KEY (inspection_id, street_id) REFERENCES inspection_streets (inspection_id, street_id)
);
CREATE INDEX inspection_findings_inspection_idx ON inspection_findings (inspection_id, street_id);
