-- An inspection's team: users of the tool and volunteers by name. Params: $1 inspection_id,
-- $2 user ids (int[]), $3 names (text[]). Returns nothing.
INSERT INTO inspection_members (inspection_id, user_id, name)
SELECT $1::bigint, u, NULL FROM unnest($2::int[]) AS u
UNION ALL
SELECT $1::bigint, NULL, n FROM unnest($3::text[]) AS n
