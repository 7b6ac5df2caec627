-- A second transaction of the effect figures reads the snapshot of the first. Postgres takes no
-- parameter here: :snapshot is replaced by the id from export-snapshot.sql as a quoted literal,
-- after server/effect/effect.repo.ts checked it has the form Postgres gives (hex-hex-digits).
-- Must follow snapshot.sql as the second statement of the transaction.
-- Params: none (:snapshot, see above).
-- Returns nothing.
SET TRANSACTION SNAPSHOT :snapshot
