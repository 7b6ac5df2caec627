-- Addresses of a BAG file (staged in bag_address, withdrawn ones in bag_gone) that are stored
-- for another municipality than the one the file is imported into: importing would move them
-- there (a wrong --municipality), which import-bag does only with --move-from.
-- Params: $1 id of the municipality imported into. Runs on the temp tables bag_address and bag_gone.
-- Returns per other municipality: id, code, name, addresses (count), segments (0), example (its first feature in the file).
SELECT m.id, m.code, m.name, count(DISTINCT x.key)::int AS addresses, 0 AS segments,
       (array_agg(x.feature ORDER BY x.ord))[1] AS example
FROM (SELECT key, feature, ord FROM bag_address UNION ALL SELECT key, feature, ord FROM bag_gone) x
JOIN addresses a ON a.source = 'bag' AND a.source_key = x.key
JOIN municipalities m ON m.id = a.municipality_id
WHERE a.municipality_id <> $1
GROUP BY m.id, m.code, m.name
ORDER BY m.code
