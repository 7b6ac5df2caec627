-- The printable sheet of an inspection (issue 11): rendered by the worker like the letters and
-- stored by content hash (STORAGE_DIR). A sheet belongs to one computed route: sheet_route_at is
-- the route_at it was made from, so a new route makes the stored sheet out of date.
ALTER TABLE inspections
  ADD COLUMN sheet_sha256 text CHECK (sheet_sha256 ~ '^[0-9a-f]{64}$'),
  ADD COLUMN sheet_bytes int,
  ADD COLUMN sheet_route_at timestamptz,
  ADD COLUMN sheet_rendered_at timestamptz,
  ADD COLUMN sheet_error text;
