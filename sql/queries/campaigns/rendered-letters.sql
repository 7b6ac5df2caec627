-- Rendered letters of a campaign in print order (postcode, house number), for the print file,
-- the zip and the manifest. Params: $1 campaign id.
-- Returns letter_id, pdf_sha256, pdf_page, street_name, huisnummer, huisletter, toevoeging, postcode, place.
SELECT l.id AS letter_id, l.pdf_sha256, l.pdf_page, a.street_name, a.huisnummer, a.huisletter, a.toevoeging, a.postcode, a.place
FROM letters l JOIN addresses a ON a.id = l.address_id
WHERE l.campaign_id = $1 AND l.status = 'rendered'
ORDER BY a.postcode NULLS LAST, a.huisnummer, a.huisletter NULLS FIRST, a.toevoeging NULLS FIRST, l.id
