-- A staged address with an invalid postcode keeps the postcode stored for it by an earlier import.
-- Params: none; runs on the temp table bag_address. Returns nothing.
UPDATE bag_address b SET postcode = a.postcode FROM addresses a
WHERE b.bad_postcode IS NOT NULL AND a.source = 'bag' AND a.source_key = b.key
