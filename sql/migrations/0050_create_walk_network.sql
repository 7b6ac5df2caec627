-- A routable walking network for street inspections (issue 11), routed with pgRouting.
-- walk_ways holds every OpenStreetMap way import-osm reads that a pedestrian may use, named or
-- not (footways, paths, steps, service roads); motorways and ways tagged foot=no are left out.
-- walk_edges are those ways cut at the OSM nodes they share with other ways (a junction), with
-- source/target vertex ids as pgRouting expects; walk_vertices are the junctions and way ends.
-- The network is rebuilt per municipality after each import (sql/queries/routing/*.sql).

CREATE EXTENSION IF NOT EXISTS pgrouting;

CREATE TABLE walk_ways (
  id               bigserial PRIMARY KEY,
  municipality_id  int NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
  source_key       text NOT NULL,          -- OSM 'w456'
  name             text,                   -- NULL for an unnamed footway or path
  highway          text NOT NULL,
  geom             geometry(LineString, 28992) NOT NULL,
  UNIQUE (municipality_id, source_key)
);
CREATE INDEX walk_ways_geom_gix ON walk_ways USING gist (geom);

CREATE TABLE walk_vertices (
  id               bigserial PRIMARY KEY,
  municipality_id  int NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
  geom             geometry(Point, 28992) NOT NULL
);
CREATE INDEX walk_vertices_geom_gix ON walk_vertices USING gist (geom);
CREATE INDEX walk_vertices_municipality_idx ON walk_vertices (municipality_id);

CREATE TABLE walk_edges (
  id               bigserial PRIMARY KEY,
  municipality_id  int NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
  way_id           bigint NOT NULL REFERENCES walk_ways(id) ON DELETE CASCADE,
  -- The street (by name) this piece belongs to; NULL for unnamed ways.
  street_id        bigint REFERENCES streets(id) ON DELETE SET NULL,
  source           bigint NOT NULL REFERENCES walk_vertices(id) ON DELETE CASCADE,
  target           bigint NOT NULL REFERENCES walk_vertices(id) ON DELETE CASCADE,
  -- Metres; walking is undirected, so reverse_cost equals cost.
  cost             double precision NOT NULL CHECK (cost >= 0),
  reverse_cost     double precision NOT NULL CHECK (reverse_cost >= 0),
  geom             geometry(LineString, 28992) NOT NULL
);
CREATE INDEX walk_edges_geom_gix ON walk_edges USING gist (geom);
CREATE INDEX walk_edges_municipality_idx ON walk_edges (municipality_id);
CREATE INDEX walk_edges_street_idx ON walk_edges (street_id);
CREATE INDEX walk_edges_source_idx ON walk_edges (source);
CREATE INDEX walk_edges_target_idx ON walk_edges (target);
