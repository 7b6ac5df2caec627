-- When a worker last claimed an alert mail (pending -> sending). A mail long in 'sending' was
-- being sent when its worker stopped: it is never sent again by itself (at most once), and an
-- operator decides (npm run cli -- alerts stuck | release | mark-sent; docs/readme/residents.md).
ALTER TABLE alert_mails ADD COLUMN claimed_at timestamptz;
