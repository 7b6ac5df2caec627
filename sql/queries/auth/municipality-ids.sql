-- Ids of municipalities by code. Params: $1 codes (text[]). Returns id, code.
SELECT id, code FROM municipalities WHERE code = ANY ($1::text[])
