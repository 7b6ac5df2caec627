-- When the municipality's first letter campaign (not cancelled) was made.
-- Params: $1 municipality id.
-- Returns first_at (timestamptz, NULL when there is none).
SELECT min(created_at) AS first_at FROM campaigns WHERE municipality_id = $1 AND cancelled_at IS NULL
