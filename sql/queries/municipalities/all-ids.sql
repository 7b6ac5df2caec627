-- The ids of every municipality (what an admin sees). Params: none. Returns: id.
SELECT id FROM municipalities ORDER BY id
