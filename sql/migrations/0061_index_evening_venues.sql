-- Every geometry column has a GiST index (tests/integration/migrate.test.ts): the evenings' venues.
CREATE INDEX evenings_venue_geom_gix ON evenings USING gist (venue_geom);
