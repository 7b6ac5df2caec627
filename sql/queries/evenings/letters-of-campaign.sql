-- The pending letters of a campaign with their address. Params: $1 campaign id. Returns id, address_id.
SELECT l.id, l.address_id FROM letters l WHERE l.campaign_id = $1 AND l.status = 'pending' ORDER BY l.id
