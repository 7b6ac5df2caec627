/**
 * SQL of import-bag and import-osm (sql/queries/imports/*.sql): each stages the features of a
 * file in temporary tables (dropped at the end of its one transaction), checks them there, then
 * merges them into streets, street_segments and addresses.
 */
import type { Queryable } from '../core/db';
import { sql } from '../core/sql';
import { stageRows } from '../core/staging.repo';
import type { Conflict } from './import-refusal';

/** The temporary tables the imports stage in; `stage` takes only these. */
export type StageTable = 'bag_address' | 'bag_gone' | 'osm_segment' | 'osm_walk_way' | 'osm_address';

/** Stages one batch of rows (columns matched by name). */
export async function stage(q: Queryable, table: StageTable, rows: readonly object[]): Promise<void> {
  await stageRows(q, table, rows);
}

const count = async (q: Queryable, name: string): Promise<number> =>
  Number((await q.query<{ n: string }>(sql(name))).rows[0]!.n);

/** Whether a statement changed rows: `{ inserted }` per row changed, split into new and updated. */
function insertedOrUpdated(rows: { inserted: boolean }[]): { inserted: number; updated: number } {
  const inserted = rows.filter((r) => r.inserted).length;
  return { inserted, updated: rows.length - inserted };
}

// --- import-bag

export async function createBagStage(q: Queryable): Promise<void> {
  await q.query(sql('imports/create-bag-address'));
  await q.query(sql('imports/create-bag-gone'));
}

/** Drops later copies of an address staged twice; returns them with the feature that is kept. */
export async function dropRepeatedBagAddresses(q: Queryable) {
  return (
    await q.query<{ feature: string; id_field: string; key: string; first: string }>(
      sql('imports/bag-drop-repeated'),
    )
  ).rows;
}

export function stagedBagAddresses(q: Queryable): Promise<number> {
  return count(q, 'imports/bag-staged-count');
}

export async function bagConflicts(q: Queryable, municipalityId: number): Promise<Conflict[]> {
  return (await q.query<Conflict>(sql('imports/bag-conflicts'), [municipalityId])).rows;
}

/** How many staged addresses have an invalid postcode, and the first of them. */
export async function firstBadPostcode(q: Queryable) {
  return (
    await q.query<{ n: string; feature: string; bad_postcode: string }>(sql('imports/bag-bad-postcodes'))
  ).rows[0];
}

export async function keepStoredPostcodes(q: Queryable): Promise<void> {
  await q.query(sql('imports/bag-keep-stored-postcodes'));
}

export async function insertBagStreets(q: Queryable, municipalityId: number): Promise<void> {
  await q.query(sql('imports/bag-insert-streets'), [municipalityId]);
}

export async function upsertBagAddresses(q: Queryable, municipalityId: number, moveFromId: number | null) {
  const { rows } = await q.query<{ inserted: boolean }>(sql('imports/bag-upsert-addresses'), [
    municipalityId,
    moveFromId,
  ]);
  return { ...insertedOrUpdated(rows), changed: rows.length };
}

/** Addresses the file says are gone stop counting as homes; returns how many changed. */
export async function markBagGone(q: Queryable, municipalityId: number): Promise<number> {
  return (await q.query(sql('imports/bag-mark-gone'), [municipalityId])).rowCount ?? 0;
}

/** OSM copies of homes the BAG now supplies stop counting as homes; returns how many. */
export async function supersedeOsmByBag(q: Queryable, municipalityId: number): Promise<number> {
  return (await q.query(sql('imports/osm-superseded-by-bag'), [municipalityId])).rowCount ?? 0;
}

// --- import-osm

export async function createOsmStage(q: Queryable): Promise<void> {
  await q.query(sql('imports/create-osm-segment'));
  await q.query(sql('imports/create-osm-walk-way'));
  await q.query(sql('imports/create-osm-address'));
}

export function stagedOsmRows(q: Queryable): Promise<number> {
  return count(q, 'imports/osm-staged-count');
}

export async function osmConflicts(q: Queryable, municipalityId: number): Promise<Conflict[]> {
  return (await q.query<Conflict>(sql('imports/osm-conflicts'), [municipalityId])).rows;
}

export async function insertOsmStreets(q: Queryable, municipalityId: number, municipalityName: string) {
  await q.query(sql('imports/osm-insert-streets'), [municipalityId, municipalityName]);
}

export async function upsertOsmSegments(q: Queryable, municipalityId: number, moveFromId: number | null) {
  const { rows } = await q.query<{ inserted: boolean }>(sql('imports/osm-upsert-segments'), [
    municipalityId,
    moveFromId,
  ]);
  return { ...insertedOrUpdated(rows), changed: rows.length };
}

export async function upsertOsmAddresses(q: Queryable, municipalityId: number, moveFromId: number | null) {
  const { rows } = await q.query<{ inserted: boolean }>(sql('imports/osm-upsert-addresses'), [
    municipalityId,
    moveFromId,
  ]);
  return { ...insertedOrUpdated(rows), changed: rows.length };
}

/** Rebuilds each street's merged geometry from its segments; a street without segments has none. */
export async function refreshStreetGeometry(q: Queryable, municipalityId: number): Promise<void> {
  await q.query(sql('imports/streets-merge-segments'), [municipalityId]);
  await q.query(sql('imports/streets-clear-without-segments'), [municipalityId]);
}
