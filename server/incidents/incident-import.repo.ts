/**
 * SQL of an incident import (sql/queries/incidents/*.sql): the rows are staged in the temporary
 * table incident_stage, checked and geocoded there, then merged into incidents. All of it runs
 * on the import's one transaction client.
 */
import type { Queryable } from '../core/db';
import { sql } from '../core/sql';
import { stageRows } from '../core/staging.repo';

/** A parsed row as staged (columns of incident_stage that the parser fills). */
export interface StagedIncident {
  ord: number;
  line: number | null;
  feature: string | null;
  external_id: string | undefined;
  occurred_from: string;
  occurred_to: string;
  attempt: boolean;
  modus_operandi: string | null;
  mo_text: string | null;
  location_label: string | null;
  street_name: string | null;
  x: number | null;
  y: number | null;
  srid: number | null;
  coord_field: string | null;
  postcode: string | null;
  huisnummer: number | null;
  huisletter: string | null;
  toevoeging: string | null;
}

export async function createStage(q: Queryable): Promise<void> {
  await q.query(sql('incidents/create-stage'));
}

export async function stage(q: Queryable, rows: readonly StagedIncident[]): Promise<void> {
  await stageRows(q, 'incident_stage', rows);
}

/** Positions: unknown coordinate systems become errors, the rest become RD New points. */
export async function transformStaged(q: Queryable): Promise<void> {
  await q.query(sql('incidents/unknown-srid'));
  await q.query(sql('incidents/transform-wgs84-rd'));
  await q.query(sql('incidents/transform-stage'));
}

export async function municipalityArea(q: Queryable, municipalityId: number) {
  const { rows } = await q.query<{
    kind: 'boundary' | 'addresses' | 'incidents' | null;
    n: number;
    area: string | null;
  }>(sql('incidents/municipality-area'), [municipalityId]);
  return rows[0];
}

export async function markOutsideArea(
  q: Queryable,
  area: string,
  marginM: number,
  description: string,
): Promise<void> {
  await q.query(sql('incidents/outside-area'), [area, marginM, description]);
}

export async function geocodeStaged(q: Queryable, municipalityId: number): Promise<void> {
  await q.query(sql('incidents/geocode-stage'), [municipalityId]);
}

/** Marks (or, with allowMove, only counts) staged rows that would move a stored incident too far; returns how many. */
export async function movedTooFar(
  q: Queryable,
  municipalityId: number,
  source: string,
  snapDistanceM: number,
  allowMove: boolean,
): Promise<number> {
  return (
    (await q.query(sql('incidents/moved-too-far'), [municipalityId, source, snapDistanceM, allowMove]))
      .rowCount ?? 0
  );
}

export async function streetsFromLabels(q: Queryable, municipalityId: number, place: string): Promise<void> {
  await q.query(sql('incidents/streets-from-labels'), [municipalityId, place]);
}

/** Inserts or updates the valid staged rows; returns the ids of the incidents changed and whether each is new. */
export async function upsertStaged(q: Queryable, municipalityId: number, source: string) {
  return (
    await q.query<{ id: string; inserted: boolean }>(sql('incidents/upsert-staged'), [municipalityId, source])
  ).rows;
}

export async function snapToStreets(
  q: Queryable,
  municipalityId: number,
  ids: string[],
  snapDistanceM: number,
) {
  await q.query(sql('incidents/snap-to-streets'), [municipalityId, ids, snapDistanceM]);
}

/** Gives unlocated incidents the middle of their street; returns how many. */
export async function locateByStreet(q: Queryable, municipalityId: number, ids: string[]): Promise<number> {
  return (await q.query(sql('incidents/locate-by-street'), [municipalityId, ids])).rowCount ?? 0;
}

/** Staged rows without error, and those among them stored for another municipality. */
export async function stageCounts(q: Queryable, source: string, municipalityId: number) {
  const { rows } = await q.query<{ valid: string; conflicts: string }>(sql('incidents/stage-counts'), [
    source,
    municipalityId,
  ]);
  return { valid: Number(rows[0]!.valid), conflicts: Number(rows[0]!.conflicts) };
}

export async function countUnlocated(q: Queryable, ids: string[]): Promise<number> {
  return Number((await q.query<{ n: string }>(sql('incidents/count-unlocated'), [ids])).rows[0]!.n);
}

export async function unlocatedLines(q: Queryable, source: string, ids: string[]) {
  return (
    await q.query<{ line: number | null; feature: string | null }>(sql('incidents/unlocated-lines'), [
      source,
      ids,
    ])
  ).rows;
}

export async function stageErrors(q: Queryable, source: string, municipalityId: number) {
  return (
    await q.query<{ line: number | null; feature: string | null; error: string }>(
      sql('incidents/stage-errors'),
      [source, municipalityId],
    )
  ).rows;
}
