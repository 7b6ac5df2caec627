-- Public map publications (issue 8): each calendar month of public figures is published once,
-- at the first cut-off after it ends, and never recomputed. Its counts, the streets as they
-- were (area, homes) and which burglaries it took in are kept, so every later publication
-- repeats the same numbers and the same protected groups: comparing the figures of one month
-- with those of the next cannot difference a small count out (server/public/public-figures.ts).

CREATE TABLE public_months (
  municipality_id  int NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
  month            text NOT NULL CHECK (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),  -- Europe/Amsterdam
  published_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, month)
);

-- The streets as the month was published: the area each belonged to and its residential
-- addresses (a street below PUBLIC_MIN_ADDRESSES was merged into its area's rest).
CREATE TABLE public_month_streets (
  municipality_id  int NOT NULL,
  month            text NOT NULL,
  street_id        bigint NOT NULL,          -- no foreign key: the frame outlives a re-imported street
  area_key         text NOT NULL,
  addresses        int NOT NULL CHECK (addresses >= 0),
  PRIMARY KEY (municipality_id, month, street_id),
  FOREIGN KEY (municipality_id, month) REFERENCES public_months ON DELETE CASCADE
);

-- The month's burglaries, counted as the public figures need them and nothing more.
CREATE TABLE public_month_counts (
  municipality_id  int NOT NULL,
  month            text NOT NULL,
  area_key         text NOT NULL,
  street_id        bigint,                   -- NULL: a burglary with no street, counted in its area
  attempt          boolean NOT NULL,
  modus_operandi   text NOT NULL,
  n                int NOT NULL CHECK (n > 0),
  FOREIGN KEY (municipality_id, month) REFERENCES public_months ON DELETE CASCADE
);
CREATE INDEX public_month_counts_month_idx ON public_month_counts (municipality_id, month);

-- Which burglaries a published month took in, so a late report (registered after its own month
-- was published) is counted once, in the next month published. Goes with the incident when the
-- incident is deleted (retention): the counts stay, the link does not.
CREATE TABLE public_month_incidents (
  incident_id      bigint PRIMARY KEY REFERENCES incidents(id) ON DELETE CASCADE,
  municipality_id  int NOT NULL,
  month            text NOT NULL,
  FOREIGN KEY (municipality_id, month) REFERENCES public_months ON DELETE CASCADE
);
