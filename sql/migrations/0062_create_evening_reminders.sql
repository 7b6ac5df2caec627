-- Reminder e-mails before a prevention evening (issue 12), to households that left an e-mail
-- address with consent. One row per sign-up's invitation, ever (UNIQUE): a second scan, or a
-- second worker, makes nothing twice. The row holds no address or name (those stay in
-- evening_signups, deleted after the evening); it records that, and when, the reminder went.
-- pending -> sending (claimed by a worker) -> sent; 'dropped' when there was no longer anyone to
-- remind (signed off, contact deleted, evening cancelled or begun). A row left in 'sending' (a
-- worker killed while talking to the SMTP server) is never sent again: at most once.
CREATE TABLE evening_reminders (
  id             bigserial PRIMARY KEY,
  evening_id     bigint NOT NULL REFERENCES evenings(id) ON DELETE CASCADE,
  invitation_id  bigint NOT NULL UNIQUE REFERENCES evening_invitations(id) ON DELETE CASCADE,
  status         text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sending', 'sent', 'dropped')),
  attempts       int NOT NULL DEFAULT 0,
  -- When a worker last claimed it: a row long in 'sending' is for an operator (npm run cli -- alerts stuck).
  claimed_at     timestamptz,
  created_at     timestamptz NOT NULL DEFAULT now(),
  sent_at        timestamptz,
  message_id     text
);
CREATE INDEX evening_reminders_pending_ix ON evening_reminders (id) WHERE status = 'pending';
