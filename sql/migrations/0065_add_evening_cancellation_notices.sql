-- A cancelled prevention evening is told to the households that signed up (confirmed or on the
-- waiting list) and left an e-mail address with consent: a second kind of mail beside the
-- reminder, through the same record. One of each kind per invitation, ever.
ALTER TABLE evening_reminders
  ADD COLUMN kind text NOT NULL DEFAULT 'reminder' CHECK (kind IN ('reminder', 'cancelled'));
ALTER TABLE evening_reminders DROP CONSTRAINT evening_reminders_invitation_id_key;
ALTER TABLE evening_reminders ADD CONSTRAINT evening_reminders_invitation_kind_key UNIQUE (invitation_id, kind);
