-- The sites that may frame a municipality's public map at /embed/<municipality> (issue 14), sent
-- as CSP frame-ancestors. Managed by an admin over the API (PUT /api/municipalities/:code/embed-origins).
-- An origin is scheme://host[:port], as browsers compare them; nothing else.
CREATE TABLE municipality_embed_origins (
  municipality_id  int NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
  origin           text NOT NULL CHECK (origin ~ '^https?://[a-z0-9.-]+(:[0-9]{1,5})?$'),
  created_actor    text NOT NULL,
  created_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, origin)
);
