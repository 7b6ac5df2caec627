-- A photo per inspection finding (issue 11), taken on the phone. The server re-encodes it (no EXIF,
-- no GPS, no camera details) and stores it by content hash under STORAGE_DIR like the letters;
-- this row records which file belongs to the finding.
ALTER TABLE inspection_findings
  ADD COLUMN photo_sha256 text CHECK (photo_sha256 ~ '^[0-9a-f]{64}$'),
  ADD COLUMN photo_bytes int CHECK (photo_bytes > 0),
  ADD COLUMN photo_at timestamptz;
