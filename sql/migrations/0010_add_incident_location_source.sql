-- How an incident's point was found: the source's own coordinates, the BAG address it was
-- geocoded to, or the middle of the street its label names (police.uk rows without
-- coordinates). Analyses that need exact points can leave 'street' out.
ALTER TABLE incidents
  ADD COLUMN location_source text CHECK (location_source IN ('coordinates', 'address', 'street'));
UPDATE incidents SET location_source = CASE WHEN address_id IS NOT NULL THEN 'address' ELSE 'coordinates' END
  WHERE geom IS NOT NULL;
