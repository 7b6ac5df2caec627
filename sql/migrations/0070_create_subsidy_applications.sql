-- Subsidy applications (issue 13, measure 3): the municipality's lock-and-hinge ("hang- en
-- sluitwerk") and other safety subsidies, imported from its CSV (postcode, house number, date,
-- scheme, amount). Each row is matched to a stored address at import (a row that matches none
-- refuses the file); the effect view only ever shows them aggregated per street.
CREATE TABLE subsidy_applications (
  id               bigserial PRIMARY KEY,
  municipality_id  int NOT NULL REFERENCES municipalities(id),
  address_id       bigint NOT NULL REFERENCES addresses(id),
  street_id        bigint REFERENCES streets(id),
  applied_on       date NOT NULL,
  scheme           text NOT NULL CHECK (length(scheme) BETWEEN 1 AND 100),
  amount_cents     bigint NOT NULL CHECK (amount_cents >= 0),
  imported_at      timestamptz NOT NULL DEFAULT now(),
  imported_actor   text NOT NULL,
  -- The same application in a second import of the same file is not stored twice.
  UNIQUE (address_id, applied_on, scheme)
);
CREATE INDEX subsidy_applications_street_idx ON subsidy_applications (municipality_id, street_id, applied_on);
