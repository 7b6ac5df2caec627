-- Residents' e-mail alerts (docs/readme/residents.md). A subscription is personal data (an
-- e-mail address): it is deleted at once when unsubscribed, and 48 hours after it was made when
-- it was never confirmed. The place is never finer than the public map: a street, an area of the
-- public map, or a circle whose centre is rounded to 0.001 degree (about 100 m).
CREATE TABLE alert_subscriptions (
  id                  bigserial PRIMARY KEY,
  municipality_id     int NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
  email               text NOT NULL,
  lang                text NOT NULL CHECK (lang IN ('nl', 'en')),
  frequency           text NOT NULL CHECK (frequency IN ('published', 'weekly')),
  target_kind         text NOT NULL CHECK (target_kind IN ('street', 'area', 'circle')),
  street_id           bigint REFERENCES streets(id) ON DELETE CASCADE,
  area_key            text,
  center_lon          double precision,
  center_lat          double precision,
  radius_m            int,
  -- A place's name as shown in mails ("Mekelweg, Delft"); public data.
  target_label        text NOT NULL,
  confirm_token       text UNIQUE,
  confirm_expires_at  timestamptz,
  unsubscribe_token   text NOT NULL UNIQUE,
  status              text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'confirmed')),
  created_at          timestamptz NOT NULL DEFAULT now(),
  -- Consent: the wording the resident agreed to (version) and when they confirmed it.
  consent_version     text NOT NULL,
  confirmed_at        timestamptz,
  -- The last published month mailed about (or current when confirmed): later months are new.
  last_month          text,
  CHECK ((target_kind = 'street') = (street_id IS NOT NULL)),
  CHECK ((target_kind = 'area') = (area_key IS NOT NULL)),
  CHECK ((target_kind = 'circle') = (center_lon IS NOT NULL AND center_lat IS NOT NULL AND radius_m IS NOT NULL))
);
CREATE INDEX alert_subscriptions_pending_ix ON alert_subscriptions (created_at) WHERE status = 'pending';
CREATE INDEX alert_subscriptions_municipality_ix ON alert_subscriptions (municipality_id, status);

-- Every mail to a subscription, once: (subscription, key) is unique, key being 'confirm' or the
-- published month it reports. The content is fixed when the mail is made (public figures only).
CREATE TABLE alert_mails (
  id               bigserial PRIMARY KEY,
  subscription_id  bigint NOT NULL REFERENCES alert_subscriptions(id) ON DELETE CASCADE,
  kind             text NOT NULL CHECK (kind IN ('confirm', 'alert', 'digest')),
  key              text NOT NULL,
  content          jsonb NOT NULL DEFAULT '{}',
  -- pending -> sending (claimed by a worker) -> sent. A mail left in 'sending' (worker killed
  -- while talking to the SMTP server) is never sent again: at most once.
  status           text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sending', 'sent')),
  attempts         int NOT NULL DEFAULT 0,
  created_at       timestamptz NOT NULL DEFAULT now(),
  sent_at          timestamptz,
  message_id       text,
  UNIQUE (subscription_id, key)
);
CREATE INDEX alert_mails_pending_ix ON alert_mails (id) WHERE status = 'pending';
