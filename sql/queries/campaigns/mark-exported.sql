-- Notes the first download of a campaign's print file or address list: from then on it counts as
-- printed and can no longer be cancelled. Params: $1 campaign id.
-- Returns nothing.
UPDATE campaigns SET first_exported_at = coalesce(first_exported_at, now()) WHERE id = $1
