/** SQL for prevention evenings, their invitations and sign-ups (sql/queries/evenings/). */
import type { Queryable } from '../core/db';
import { sql } from '../core/sql';

export type EveningStatus = 'planned' | 'cancelled' | 'held';

export interface EveningRow {
  id: number;
  municipality_id: number;
  municipality_code: string;
  municipality_name: string;
  settings: unknown;
  title: string;
  starts_at: Date;
  ends_at: Date;
  venue_name: string;
  venue_address: string;
  lon: number;
  lat: number;
  capacity: number;
  speakers: string[];
  language: 'nl' | 'en';
  organiser_name: string;
  organiser_email: string | null;
  organiser_phone: string | null;
  selection: Record<string, unknown>;
  area_streets: string[];
  status: EveningStatus;
  sequence: number;
  campaign_id: number | null;
  contacts_deleted_at: Date | null;
  created_actor: string;
  created_at: Date;
  updated_at: Date;
  invited: number;
  confirmed_people: number;
  waiting_people: number;
}

export interface EveningListRow {
  id: number;
  municipality_code: string;
  title: string;
  starts_at: Date;
  ends_at: Date;
  venue_name: string;
  capacity: number;
  status: EveningStatus;
  invited: number;
  confirmed_people: number;
}

/** The fields of an evening as written (insert and update). */
export interface EveningFields {
  title: string;
  startsAt: string;
  endsAt: string;
  venueName: string;
  venueAddress: string;
  lon: number;
  lat: number;
  capacity: number;
  speakers: string[];
  language: 'nl' | 'en';
  organiserName: string;
  organiserEmail: string | null;
  organiserPhone: string | null;
  selection: object;
  areaStreets: string[];
}

const fieldParams = (f: EveningFields): unknown[] => [
  f.title,
  f.startsAt,
  f.endsAt,
  f.venueName,
  f.venueAddress,
  f.lon,
  f.lat,
  f.capacity,
  f.speakers,
  f.language,
  f.organiserName,
  f.organiserEmail,
  f.organiserPhone,
  JSON.stringify(f.selection),
  f.areaStreets,
];

export async function insertEvening(
  q: Queryable,
  municipalityId: number,
  f: EveningFields,
  createdBy: number | null,
  actor: string,
): Promise<number> {
  const { rows } = await q.query<{ id: number }>(sql('evenings/insert-evening'), [
    municipalityId,
    ...fieldParams(f),
    createdBy,
    actor,
  ]);
  return rows[0]!.id;
}

/** False when the evening is held (then it no longer changes). */
export async function updateEvening(
  q: Queryable,
  id: number,
  f: EveningFields,
  status: EveningStatus,
): Promise<boolean> {
  const { rows } = await q.query(sql('evenings/update-evening'), [id, ...fieldParams(f), status]);
  return rows.length > 0;
}

/** False when the evening was not planned (held or already cancelled). */
export async function cancelEvening(q: Queryable, id: number): Promise<boolean> {
  return (await q.query(sql('evenings/cancel-evening'), [id])).rows.length > 0;
}

export async function eveningById(q: Queryable, id: number): Promise<EveningRow | undefined> {
  return (await q.query<EveningRow>(sql('evenings/evening-by-id'), [id])).rows[0];
}

export async function listEvenings(q: Queryable, municipalityIds: number[]): Promise<EveningListRow[]> {
  return (await q.query<EveningListRow>(sql('evenings/list-evenings'), [municipalityIds])).rows;
}

export async function addressesNearIncidents(
  q: Queryable,
  municipalityId: number,
  incidentIds: number[],
  radiusM: number,
): Promise<number[]> {
  const { rows } = await q.query<{ id: string }>(sql('evenings/addresses-near-incidents'), [
    municipalityId,
    incidentIds,
    radiusM,
  ]);
  return rows.map((r) => Number(r.id));
}

export async function streetNamesOfAddresses(q: Queryable, addressIds: number[]): Promise<string[]> {
  return (await q.query<{ name: string }>(sql('evenings/street-names-of-addresses'), [addressIds])).rows.map(
    (r) => r.name,
  );
}

/** Locks the evening row until the transaction ends (capacity is counted under this lock). */
export async function lockEvening(
  q: Queryable,
  id: number,
): Promise<{ id: number; capacity: number; status: EveningStatus; ends_at: Date } | undefined> {
  return (
    await q.query<{ id: number; capacity: number; status: EveningStatus; ends_at: Date }>(
      sql('evenings/lock-evening'),
      [id],
    )
  ).rows[0];
}

export async function setCampaign(q: Queryable, eveningId: number, campaignId: number): Promise<boolean> {
  return (await q.query(sql('evenings/set-campaign'), [eveningId, campaignId])).rows.length > 0;
}

export async function lettersOfCampaign(
  q: Queryable,
  campaignId: number,
): Promise<{ letterId: number; addressId: number }[]> {
  const { rows } = await q.query<{ id: string; address_id: string }>(sql('evenings/letters-of-campaign'), [
    campaignId,
  ]);
  return rows.map((r) => ({ letterId: Number(r.id), addressId: Number(r.address_id) }));
}

/** Inserts invitations; returns the letter ids that got one (a code already in use is skipped). */
export async function insertInvitations(
  q: Queryable,
  eveningId: number,
  rows: { letterId: number; addressId: number; code: string }[],
): Promise<Set<number>> {
  const res = await q.query<{ letter_id: string }>(sql('evenings/insert-invitations'), [
    eveningId,
    rows.map((r) => r.letterId),
    rows.map((r) => r.addressId),
    rows.map((r) => r.code),
  ]);
  return new Set(res.rows.map((r) => Number(r.letter_id)));
}

export interface InvitationRow {
  invitation_id: number;
  evening_id: number;
  municipality_code: string;
  title: string;
  starts_at: Date;
  ends_at: Date;
  venue_name: string;
  lon: number;
  lat: number;
  language: 'nl' | 'en';
  area_streets: string[];
  status: EveningStatus;
  capacity: number;
  confirmed_people: number;
  people: number | null;
  signup_status: 'confirmed' | 'waiting' | null;
  waiting_position: number | null;
  has_contact: boolean | null;
}

export async function invitationByCode(q: Queryable, code: string): Promise<InvitationRow | undefined> {
  return (await q.query<InvitationRow>(sql('evenings/invitation-by-code'), [code])).rows[0];
}

export async function confirmedPeople(
  q: Queryable,
  eveningId: number,
  leaveOut: number | null,
): Promise<number> {
  return (await q.query<{ n: number }>(sql('evenings/confirmed-people'), [eveningId, leaveOut])).rows[0]!.n;
}

export async function upsertSignup(
  q: Queryable,
  s: {
    invitationId: number;
    eveningId: number;
    people: number;
    status: 'confirmed' | 'waiting';
    name: string | null;
    email: string | null;
    consent: boolean;
  },
): Promise<void> {
  await q.query(sql('evenings/upsert-signup'), [
    s.invitationId,
    s.eveningId,
    s.people,
    s.status,
    s.name,
    s.email,
    s.consent,
  ]);
}

export async function deleteSignup(q: Queryable, invitationId: number): Promise<boolean> {
  return (await q.query(sql('evenings/delete-signup'), [invitationId])).rows.length > 0;
}

export async function waitingList(
  q: Queryable,
  eveningId: number,
): Promise<{ invitation_id: number; people: number }[]> {
  return (await q.query<{ invitation_id: number; people: number }>(sql('evenings/waiting-list'), [eveningId]))
    .rows;
}

export async function confirmSignup(q: Queryable, invitationId: number): Promise<void> {
  await q.query(sql('evenings/confirm-signup'), [invitationId]);
}

export async function deleteContacts(
  q: Queryable,
  cutoff: Date,
): Promise<{ evening_id: number; n: number }[]> {
  return (await q.query<{ evening_id: number; n: number }>(sql('evenings/delete-contacts'), [cutoff])).rows;
}

export interface StreetResponseRow {
  street: string;
  invited: number;
  signed_up: number;
  coming: number;
  waiting: number;
  attended: number;
}

export async function responseByStreet(q: Queryable, eveningId: number): Promise<StreetResponseRow[]> {
  return (await q.query<StreetResponseRow>(sql('evenings/response-by-street'), [eveningId])).rows;
}

export async function setAttendance(
  q: Queryable,
  eveningId: number,
  code: string,
  attended: boolean,
): Promise<
  | {
      invitation_id: number;
      street: string;
      people: number | null;
      signup_status: 'confirmed' | 'waiting' | null;
    }
  | undefined
> {
  return (
    await q.query<{
      invitation_id: number;
      street: string;
      people: number | null;
      signup_status: 'confirmed' | 'waiting' | null;
    }>(sql('evenings/set-attendance'), [eveningId, code, attended])
  ).rows[0];
}

/** An evening as the public sees it: no venue address, organiser or invitation. */
export interface PublicEveningRow {
  id: number;
  title: string;
  starts_at: Date;
  ends_at: Date;
  venue_name: string;
  lon: number;
  lat: number;
  area_streets: string[];
  status: EveningStatus;
  sequence: number;
  updated_at: Date;
  speakers: string[];
  language: 'nl' | 'en';
}

export async function publicEvenings(
  q: Queryable,
  code: string,
  endsAfter: Date,
): Promise<PublicEveningRow[]> {
  return (await q.query<PublicEveningRow>(sql('evenings/public-evenings'), [code, endsAfter])).rows;
}

export async function publicEvening(
  q: Queryable,
  code: string,
  id: number,
): Promise<PublicEveningRow | undefined> {
  return (await q.query<PublicEveningRow>(sql('evenings/public-evening'), [code, id])).rows[0];
}
