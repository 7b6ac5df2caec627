-- The same address twice in a BAG file: the first is kept, the later copies leave the stage.
-- With both copies staged, each made a street, and the copy that lost left its street without
-- addresses. Params: none; runs on the temp table bag_address.
-- Returns per dropped copy: feature, id_field, key, first (the feature that is kept).
DELETE FROM bag_address b USING (SELECT key, min(ord) AS ord FROM bag_address GROUP BY key HAVING count(*) > 1) d, bag_address f
WHERE b.key = d.key AND b.ord > d.ord AND f.key = d.key AND f.ord = d.ord
RETURNING b.feature, b.id_field, b.key, f.feature AS first
