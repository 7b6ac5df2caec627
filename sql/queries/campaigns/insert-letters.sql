-- One letter per selected residential address of the municipality; an address that had a letter
-- of the same kind (pending or rendered, in a campaign not cancelled) in another campaign within the last $5 days is inserted
-- as 'excluded', naming that letter. Rows are inserted in print order (postcode, house number).
-- Params: $1 campaign_id, $2 address ids (bigint[]), $3 kind, $4 municipality_id, $5 repeat days.
-- Returns id, status.
INSERT INTO letters (campaign_id, address_id, status, reason, excluded_by)
SELECT $1, a.id,
       CASE WHEN prev.id IS NULL THEN 'pending' ELSE 'excluded' END,
       CASE WHEN prev.id IS NULL THEN NULL
            ELSE 'received a ' || $3 || ' letter in campaign ' || prev.campaign_id || ' on ' || to_char(prev.created_at, 'YYYY-MM-DD') END,
       prev.id
FROM addresses a
LEFT JOIN LATERAL (
  SELECT l.id, l.campaign_id, c.created_at
  FROM letters l JOIN campaigns c ON c.id = l.campaign_id
  WHERE l.address_id = a.id AND c.kind = $3 AND c.municipality_id = $4 AND c.id <> $1
    AND l.status IN ('pending', 'rendered') AND c.cancelled_at IS NULL
    AND c.created_at > now() - make_interval(days => $5::int)
  ORDER BY c.created_at DESC
  LIMIT 1
) prev ON true
WHERE a.id = ANY ($2::bigint[]) AND a.residential AND a.municipality_id = $4
ORDER BY a.postcode NULLS LAST, a.huisnummer, a.huisletter NULLS FIRST, a.toevoeging NULLS FIRST, a.id
ON CONFLICT (campaign_id, address_id) DO NOTHING
RETURNING id, status
