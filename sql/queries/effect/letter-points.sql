-- Letters of a municipality's campaigns made in a time range (pending or rendered, campaign not
-- cancelled), as the points of their addresses and the moment the campaign was made.
-- Params: $1 municipality id, $2 from (timestamptz), $3 to (timestamptz, exclusive).
-- In time order (then id): the counting need not sort them.
-- Returns id (letter id), x, y (float8, EPSG:28992), t (float8, ms since the epoch).
SELECT l.id, ST_X(a.geom) AS x, ST_Y(a.geom) AS y, extract(epoch FROM c.created_at) * 1000 AS t
FROM campaigns c
JOIN letters l ON l.campaign_id = c.id AND l.status IN ('pending', 'rendered')
JOIN addresses a ON a.id = l.address_id
WHERE c.municipality_id = $1 AND c.cancelled_at IS NULL AND c.created_at >= $2 AND c.created_at < $3
ORDER BY c.created_at, l.id
