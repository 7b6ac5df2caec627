-- Letter campaigns: a set of prevention letters, one per affected residential address.
-- Postgres, not Redis, is the record of what was rendered: a letter row goes from 'pending' to
-- 'rendered' (with the content hash of its stored PDF) or 'failed' (with the reason) exactly once.
-- Addresses left out because they had a letter of the same kind recently are rows with status
-- 'excluded', so the campaign lists them.

CREATE TABLE campaigns (
  id               bigserial PRIMARY KEY,
  municipality_id  int NOT NULL REFERENCES municipalities(id),
  kind             text NOT NULL CHECK (kind IN ('cocoon', 'evening', 'victim')),
  template         text NOT NULL,          -- templates/letters/<template>.<language>.hbs
  language         text NOT NULL CHECK (language IN ('nl', 'en')),
  selection        jsonb NOT NULL,         -- what the officer selected (street ids, polygon, zones, incident)
  incident_id      bigint REFERENCES incidents(id) ON DELETE SET NULL,
  evening_at       timestamptz,            -- prevention evening (kind 'evening')
  evening_location text,
  letter_date      date NOT NULL DEFAULT current_date,
  created_by       int REFERENCES users(id) ON DELETE SET NULL,
  created_actor    text NOT NULL,
  created_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX campaigns_kind_idx ON campaigns (municipality_id, kind, created_at);

CREATE TABLE letters (
  id               bigserial PRIMARY KEY,
  campaign_id      bigint NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
  address_id       bigint NOT NULL REFERENCES addresses(id),
  status           text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'rendered', 'failed', 'excluded')),
  -- Why the letter failed (bad data, broken template) or was left out (earlier letter).
  reason           text,
  excluded_by      bigint REFERENCES letters(id) ON DELETE SET NULL,
  pdf_sha256       text CHECK (pdf_sha256 ~ '^[0-9a-f]{64}$'),
  pdf_bytes        int,
  rendered_at      timestamptz,
  UNIQUE (campaign_id, address_id),
  CHECK ((status = 'rendered') = (pdf_sha256 IS NOT NULL))
);
CREATE INDEX letters_status_idx ON letters (campaign_id, status);
-- "Did this address get a letter of this kind lately?"
CREATE INDEX letters_address_idx ON letters (address_id);
