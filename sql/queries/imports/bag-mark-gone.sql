-- Addresses withdrawn since the last import (staged in bag_gone) keep their row (incidents may
-- point at it) but stop counting as homes, so no letter goes there.
-- Params: $1 municipality id. Returns nothing (rowCount = addresses changed).
UPDATE addresses a SET residential = false FROM bag_gone g
WHERE a.source = 'bag' AND a.source_key = g.key AND a.residential AND a.municipality_id = $1
