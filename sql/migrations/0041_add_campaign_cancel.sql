-- Officer workspace (issue 10): a campaign can be cancelled until its print file is first
-- downloaded; its letters still waiting are then 'cancelled' (never rendered, and they do not
-- count for the repeat rule). A letter that failed can be retried (back to 'pending').
ALTER TABLE campaigns
  ADD COLUMN cancelled_at      timestamptz,
  ADD COLUMN cancelled_actor   text,
  ADD COLUMN first_exported_at timestamptz;

ALTER TABLE letters DROP CONSTRAINT letters_status_check;
ALTER TABLE letters ADD CONSTRAINT letters_status_check
  CHECK (status IN ('pending', 'rendered', 'failed', 'excluded', 'cancelled'));

-- "Which letters went to this street": letters by address, for the history per street.
CREATE INDEX campaigns_municipality_created_idx ON campaigns (municipality_id, created_at DESC);
