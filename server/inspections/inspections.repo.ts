/** SQL for street inspections and their findings (sql/queries/inspections/). */
import type { Queryable } from '../core/db';
import { sql } from '../core/sql';

export interface InspectionRow {
  id: number;
  municipality_id: number;
  municipality_code: string;
  municipality_name: string;
  settings: unknown;
  title: string;
  starts_at: Date;
  notes: string;
  status: 'planned' | 'done' | 'cancelled';
  selection: Record<string, unknown>;
  created_actor: string;
  created_at: Date;
  updated_at: Date;
  route_length_m: number | null;
  route_minutes: number | null;
  route_params: Record<string, unknown> | null;
  route_start_label: string | null;
  route_at: Date | null;
  start_lon: number | null;
  start_lat: number | null;
  route_geojson: string | null;
  streets: {
    streetId: number;
    name: string;
    position: number | null;
    reachedAtM: number | null;
    lon: number;
    lat: number;
  }[];
  team: { userId: number | null; name: string }[];
  findings: number;
}

export interface InspectionListRow {
  id: number;
  municipality_code: string;
  title: string;
  starts_at: Date;
  status: string;
  streets: number;
  findings: number;
  routed: boolean;
}

export interface FindingRow {
  id: string;
  street_id: number;
  street: string;
  position_in_walk: number | null;
  item: string;
  note: string;
  follow_up: 'open' | 'maintenance' | 'fixed';
  recorded_at: Date;
  recorded_by: string | null;
  lon: number;
  lat: number;
  photo: boolean;
}

export interface NewFinding {
  id: string;
  streetId: number;
  item: string;
  note: string;
  lon: number | null;
  lat: number | null;
  recordedAt: string;
}

const ids = async (q: Queryable, name: string, params: unknown[]): Promise<number[]> =>
  (await q.query<{ id: number }>(sql(name), params)).rows.map((r) => r.id);

export async function insertInspection(
  q: Queryable,
  i: {
    municipalityId: number;
    title: string;
    startsAt: string;
    notes: string;
    selection: unknown;
    createdBy: number | null;
    actor: string;
  },
): Promise<number> {
  const { rows } = await q.query<{ id: number }>(sql('inspections/insert-inspection'), [
    i.municipalityId,
    i.title,
    i.startsAt,
    i.notes,
    JSON.stringify(i.selection),
    i.createdBy,
    i.actor,
  ]);
  return rows[0]!.id;
}

export async function insertStreets(q: Queryable, inspectionId: number, streetIds: number[]): Promise<void> {
  await q.query(sql('inspections/insert-streets'), [inspectionId, streetIds]);
}

/** Replaces the team: users and volunteers by name. */
export async function setMembers(q: Queryable, inspectionId: number, userIds: number[], names: string[]) {
  await q.query(sql('inspections/delete-members'), [inspectionId]);
  await q.query(sql('inspections/insert-members'), [inspectionId, userIds, names]);
}

export const usersOfMunicipality = (q: Queryable, municipalityId: number, userIds: number[]) =>
  ids(q, 'inspections/users-of-municipality', [municipalityId, userIds]);

export async function streetsByIds(
  q: Queryable,
  municipalityId: number,
  streetIds: number[],
): Promise<{ id: number; name: string }[]> {
  return (
    await q.query<{ id: number; name: string }>(sql('inspections/streets-by-ids'), [
      municipalityId,
      streetIds,
    ])
  ).rows;
}

export const streetsInPolygon = (q: Queryable, municipalityId: number, polygon: unknown) =>
  ids(q, 'inspections/streets-in-polygon', [municipalityId, JSON.stringify(polygon)]);

export const streetsNearIncidents = (
  q: Queryable,
  municipalityId: number,
  incidentIds: number[],
  m: number,
) => ids(q, 'inspections/streets-near-incidents', [municipalityId, incidentIds, m]);

export const streetsOfAddresses = (q: Queryable, addressIds: number[]) =>
  ids(q, 'inspections/streets-of-addresses', [addressIds]);

export async function inspectionById(q: Queryable, id: number): Promise<InspectionRow | undefined> {
  return (await q.query<InspectionRow>(sql('inspections/inspection-by-id'), [id])).rows[0];
}

export async function listInspections(
  q: Queryable,
  municipalityIds: number[] | null,
): Promise<InspectionListRow[]> {
  return (await q.query<InspectionListRow>(sql('inspections/list-inspections'), [municipalityIds])).rows;
}

export async function updateInspection(
  q: Queryable,
  id: number,
  p: { title?: string; startsAt?: string; notes?: string; status?: string },
): Promise<void> {
  await q.query(sql('inspections/update-inspection'), [
    id,
    p.title ?? null,
    p.startsAt ?? null,
    p.notes ?? null,
    p.status ?? null,
  ]);
}

export async function updateRoute(
  q: Queryable,
  id: number,
  r: {
    legs: string[];
    lon: number;
    lat: number;
    label: string;
    lengthM: number;
    minutes: number;
    params: unknown;
  },
): Promise<void> {
  await q.query(sql('inspections/update-route'), [
    id,
    r.legs,
    r.lon,
    r.lat,
    r.label,
    r.lengthM,
    r.minutes,
    JSON.stringify(r.params),
  ]);
}

export async function updateStreetOrder(
  q: Queryable,
  id: number,
  order: { streetId: number; position: number; reachedAtM: number }[],
): Promise<void> {
  await q.query(sql('inspections/update-street-order'), [
    id,
    order.map((o) => o.streetId),
    order.map((o) => o.position),
    order.map((o) => o.reachedAtM),
  ]);
}

export interface CoverageRow {
  street_id: number;
  name: string;
  covered: number | null;
  near: boolean;
  route_length_m: number;
}

/** Per street of an inspection: the share of it within `distanceM` of the stored route. */
export async function routeCoverage(q: Queryable, id: number, distanceM: number): Promise<CoverageRow[]> {
  return (await q.query<CoverageRow>(sql('inspections/route-coverage'), [id, distanceM])).rows;
}

/** Stores the findings not stored before; returns the ids stored now. */
export async function insertFindings(
  q: Queryable,
  inspectionId: number,
  findings: NewFinding[],
  recordedBy: number | null,
): Promise<string[]> {
  const { rows } = await q.query<{ id: string }>(sql('inspections/insert-findings'), [
    inspectionId,
    JSON.stringify(findings),
    recordedBy,
  ]);
  return rows.map((r) => r.id);
}

export async function findings(q: Queryable, inspectionId: number): Promise<FindingRow[]> {
  return (await q.query<FindingRow>(sql('inspections/findings'), [inspectionId])).rows;
}

export async function updateFollowUp(
  q: Queryable,
  inspectionId: number,
  findingId: string,
  followUp: string,
) {
  const { rows } = await q.query(sql('inspections/update-follow-up'), [inspectionId, findingId, followUp]);
  return rows.length > 0;
}

/** Records the rendered sheet; false when the route changed since (the sheet is out of date). */
export async function markSheet(
  q: Queryable,
  id: number,
  file: { sha256: string; bytes: number },
  routeAt: Date,
): Promise<boolean> {
  const { rows } = await q.query(sql('inspections/mark-sheet'), [id, file.sha256, file.bytes, routeAt]);
  return rows.length > 0;
}

export async function markSheetFailed(q: Queryable, id: number, reason: string): Promise<void> {
  await q.query(sql('inspections/mark-sheet-failed'), [id, reason]);
}

export async function sheetFile(
  q: Queryable,
  id: number,
): Promise<
  | { sheet_sha256: string | null; current: boolean; sheet_error: string | null; route_at: Date | null }
  | undefined
> {
  return (
    await q.query<{
      sheet_sha256: string | null;
      current: boolean;
      sheet_error: string | null;
      route_at: Date | null;
    }>(sql('inspections/sheet-file'), [id])
  ).rows[0];
}

/** Records a finding's stored photo; false when the finding is not of this inspection. */
export async function setPhoto(
  q: Queryable,
  inspectionId: number,
  findingId: string,
  file: { sha256: string; bytes: number },
): Promise<boolean> {
  const { rows } = await q.query(sql('inspections/set-photo'), [
    inspectionId,
    findingId,
    file.sha256,
    file.bytes,
  ]);
  return rows.length > 0;
}

/** The photo of a finding: undefined when there is no such finding, null when it has no photo. */
export async function findingPhoto(
  q: Queryable,
  inspectionId: number,
  findingId: string,
): Promise<string | null | undefined> {
  const { rows } = await q.query<{ photo_sha256: string | null }>(sql('inspections/finding-photo'), [
    inspectionId,
    findingId,
  ]);
  return rows[0] ? rows[0].photo_sha256 : undefined;
}

/** Streets of a municipality that can be walked, by name (planning by street name). */
export async function planningStreets(
  q: Queryable,
  municipalityId: number,
): Promise<{ id: number; name: string; place: string }[]> {
  return (
    await q.query<{ id: number; name: string; place: string }>(sql('inspections/planning-streets'), [
      municipalityId,
    ])
  ).rows;
}

/** Users who may be in a team of the municipality. */
export async function planningUsers(
  q: Queryable,
  municipalityId: number,
): Promise<{ id: number; name: string; role: string }[]> {
  return (
    await q.query<{ id: number; name: string; role: string }>(sql('inspections/planning-users'), [
      municipalityId,
    ])
  ).rows;
}

/** Sets the municipality's checklist ([] = the default). */
export async function setChecklist(q: Queryable, municipalityId: number, items: unknown[]): Promise<void> {
  await q.query(sql('municipalities/set-inspection-checklist'), [municipalityId, JSON.stringify(items)]);
}
