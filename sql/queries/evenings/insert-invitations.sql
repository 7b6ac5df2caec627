-- One invitation per (letter, address, code); a code already in use is skipped (the caller
-- draws a new one for that address). Params: $1 evening_id, $2 letter ids (bigint[]),
-- $3 address ids (bigint[]), $4 codes (text[]), all in the same order. Returns letter_id.
INSERT INTO evening_invitations (evening_id, letter_id, address_id, code)
SELECT $1, l, a, c FROM unnest($2::bigint[], $3::bigint[], $4::text[]) AS u(l, a, c)
ON CONFLICT DO NOTHING
RETURNING letter_id
