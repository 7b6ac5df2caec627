-- The walking order of an inspection's streets. Params: $1 inspection_id, $2 street ids (bigint[]),
-- $3 positions (int[]), $4 metres from the start (float8[]), pairwise. Returns nothing.
UPDATE inspection_streets x SET position = o.position, reached_at_m = o.reached
FROM unnest($2::bigint[], $3::int[], $4::float8[]) AS o(street_id, position, reached)
WHERE x.inspection_id = $1 AND x.street_id = o.street_id
