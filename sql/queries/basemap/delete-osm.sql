-- Removes what an earlier load of OpenStreetMap put in the base map (the load replaces it).
-- Params: none. Returns nothing.
DELETE FROM basemap_features WHERE source = 'osm'
