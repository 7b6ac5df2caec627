-- Puts the failed letters of a campaign back in the queue's hands, in print order.
-- Params: $1 campaign id. Returns id.
WITH r AS (
  UPDATE letters l SET status = 'pending', reason = NULL
  FROM addresses a
  WHERE l.campaign_id = $1 AND l.status = 'failed' AND a.id = l.address_id
  RETURNING l.id, a.postcode, a.huisnummer, a.huisletter, a.toevoeging
)
SELECT id::int AS id FROM r
ORDER BY postcode NULLS LAST, huisnummer, huisletter NULLS FIRST, toevoeging NULLS FIRST, id
