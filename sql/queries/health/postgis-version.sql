-- Whether the database answers, and with which PostGIS (GET /api/health).
-- Params: none. Returns one row: postgis (the library version).
SELECT postgis_lib_version() AS postgis
