-- Residential addresses per street, kept up to date by statement-level triggers on addresses:
-- street activity reports burglaries per 1,000 addresses and must not count a million address
-- rows on every request (bench/incidents.bench.ts: 540 of 725 ms went there).
-- The same triggers bump municipalities.addresses_version, which tells the in-memory address
-- index of the risk-zone counts (server/analysis/address-index.ts) to reload.
ALTER TABLE streets ADD COLUMN residential_addresses int NOT NULL DEFAULT 0;
ALTER TABLE municipalities ADD COLUMN addresses_version bigint NOT NULL DEFAULT 0;

UPDATE streets s SET residential_addresses = c.n
FROM (SELECT street_id, count(*)::int AS n FROM addresses WHERE residential AND street_id IS NOT NULL GROUP BY 1) c
WHERE c.street_id = s.id;

CREATE FUNCTION recount_street_addresses(street_ids bigint[]) RETURNS void LANGUAGE sql AS $$
  UPDATE streets s SET residential_addresses = coalesce(c.n, 0)
  FROM unnest(street_ids) AS t(street_id)
  LEFT JOIN (SELECT a.street_id, count(*)::int AS n FROM addresses a
             WHERE a.residential AND a.street_id = ANY(street_ids) GROUP BY 1) c ON c.street_id = t.street_id
  WHERE s.id = t.street_id AND s.residential_addresses IS DISTINCT FROM coalesce(c.n, 0)
$$;

CREATE FUNCTION bump_addresses_version(municipality_ids int[]) RETURNS void LANGUAGE sql AS $$
  UPDATE municipalities SET addresses_version = addresses_version + 1 WHERE id = ANY(municipality_ids)
$$;

CREATE FUNCTION refresh_street_address_counts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Each branch references only the transition tables its operation has.
  IF TG_OP = 'INSERT' THEN
    PERFORM recount_street_addresses(ARRAY(SELECT DISTINCT street_id FROM new_rows WHERE street_id IS NOT NULL));
    PERFORM bump_addresses_version(ARRAY(SELECT DISTINCT municipality_id FROM new_rows));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM recount_street_addresses(ARRAY(SELECT DISTINCT street_id FROM old_rows WHERE street_id IS NOT NULL));
    PERFORM bump_addresses_version(ARRAY(SELECT DISTINCT municipality_id FROM old_rows));
  ELSE
    PERFORM recount_street_addresses(ARRAY(
      SELECT street_id FROM new_rows WHERE street_id IS NOT NULL
      UNION SELECT street_id FROM old_rows WHERE street_id IS NOT NULL));
    PERFORM bump_addresses_version(ARRAY(SELECT municipality_id FROM new_rows UNION SELECT municipality_id FROM old_rows));
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER addresses_count_insert AFTER INSERT ON addresses
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION refresh_street_address_counts();
CREATE TRIGGER addresses_count_update AFTER UPDATE ON addresses
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION refresh_street_address_counts();
CREATE TRIGGER addresses_count_delete AFTER DELETE ON addresses
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION refresh_street_address_counts();
