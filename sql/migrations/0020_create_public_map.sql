-- Public map (issue 4): neighbourhood boundaries the public figures are merged into, and the
-- base map drawn from the project's own OpenStreetMap data (no third-party tile provider).

-- CBS buurten/wijken where loaded; without rows the public map falls back to a grid.
CREATE TABLE neighbourhoods (
  id               serial PRIMARY KEY,
  municipality_id  int NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
  code             text NOT NULL,            -- CBS buurtcode BU..., wijkcode WK...
  kind             text NOT NULL CHECK (kind IN ('buurt', 'wijk')),
  name             text NOT NULL,
  geom             geometry(MultiPolygon, 28992) NOT NULL,
  UNIQUE (municipality_id, code)
);
CREATE INDEX neighbourhoods_geom_gix ON neighbourhoods USING gist (geom);

-- Base map features in web mercator (EPSG:3857), the tile grid's own projection, so a tile
-- request never reprojects: water, landuse, buildings, roads, waterways, railways.
CREATE TABLE basemap_features (
  id          bigserial PRIMARY KEY,
  source      text NOT NULL,                 -- 'osm'
  source_key  text NOT NULL,                 -- OSM 'w123' / 'r456'
  layer       text NOT NULL CHECK (layer IN ('water', 'landuse', 'building', 'road', 'waterway', 'railway')),
  class       text NOT NULL,                 -- e.g. residential, grass, canal, primary
  name        text,
  geom        geometry(Geometry, 3857) NOT NULL,
  UNIQUE (source, source_key, layer)
);
CREATE INDEX basemap_features_geom_gix ON basemap_features USING gist (geom);
CREATE INDEX basemap_features_layer_idx ON basemap_features (layer);

-- Public figures read incidents per municipality and street over the last year.
CREATE INDEX incidents_public_idx ON incidents (municipality_id, occurred_from, street_id);
