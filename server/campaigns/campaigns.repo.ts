/** SQL for campaigns and their letters (sql/queries/campaigns/). */
import type { Queryable } from '../core/db';
import { sql } from '../core/sql';
import type { PostalAddressParts } from '../letters/postal-address';

export type CampaignKind = 'cocoon' | 'evening' | 'victim';

export interface CampaignRow {
  id: string;
  municipality_id: number;
  kind: CampaignKind;
  template: string;
  language: 'nl' | 'en';
  created_at: Date;
  selection: unknown;
  created_actor: string;
  cancelled_at: Date | null;
  first_exported_at: Date | null;
  pending: number;
  rendered: number;
  failed: number;
  excluded: number;
  cancelled: number;
}

/** A letter row with its address, as the worker renders it. */
export interface RenderRow extends PostalAddressParts {
  id: string;
  campaign_id: string;
  template: string;
  language: string;
  kind: CampaignKind;
  letter_date: string;
  evening_at: Date | null;
  evening_location: string | null;
  municipality_code: string;
  municipality_name: string;
  settings: unknown;
  street_id: string | null;
  incident_on: string | null;
  incident_attempt: boolean | null;
  incident_mo: string | null;
  incident_street: string | null;
  /** The address's personal sign-up code, for an invitation to an evening (server/evenings). */
  signup_code: string | null;
}

/** A rendered letter in print order. */
export interface PrintRow extends PostalAddressParts {
  letter_id: string;
  /** The stored file holding this letter (a batch PDF, or the letter alone). */
  pdf_sha256: string;
  /** The letter's 0-based page in that file; null when the whole file is the letter. */
  pdf_page: number | null;
}

const ids = (rows: { id: string }[]) => rows.map((r) => Number(r.id));

export async function lockKind(q: Queryable, municipalityId: number, kind: CampaignKind): Promise<void> {
  await q.query(sql('campaigns/lock-kind'), [municipalityId, kind]);
}

export async function insertCampaign(
  q: Queryable,
  c: {
    municipalityId: number;
    kind: CampaignKind;
    template: string;
    language: string;
    selection: object;
    incidentId: number | null;
    eveningAt: string | null;
    eveningLocation: string | null;
    letterDate: string | null;
    createdBy: number | null;
    actor: string;
  },
): Promise<number> {
  const { rows } = await q.query<{ id: string }>(sql('campaigns/insert-campaign'), [
    c.municipalityId,
    c.kind,
    c.template,
    c.language,
    JSON.stringify(c.selection),
    c.incidentId,
    c.eveningAt,
    c.eveningLocation,
    c.letterDate,
    c.createdBy,
    c.actor,
  ]);
  return Number(rows[0]!.id);
}

export async function insertLetters(
  q: Queryable,
  campaignId: number,
  addressIds: number[],
  kind: CampaignKind,
  municipalityId: number,
  repeatDays: number,
): Promise<{ id: number; status: 'pending' | 'excluded' }[]> {
  const { rows } = await q.query<{ id: string; status: 'pending' | 'excluded' }>(
    sql('campaigns/insert-letters'),
    [campaignId, addressIds, kind, municipalityId, repeatDays],
  );
  return rows.map((r) => ({ id: Number(r.id), status: r.status }));
}

export async function addressesByStreets(
  q: Queryable,
  municipalityId: number,
  streetIds: number[],
): Promise<number[]> {
  return ids(
    (await q.query<{ id: string }>(sql('campaigns/addresses-by-streets'), [municipalityId, streetIds])).rows,
  );
}

export async function addressesInPolygon(
  q: Queryable,
  municipalityId: number,
  geojson: object,
): Promise<number[]> {
  return ids(
    (
      await q.query<{ id: string }>(sql('campaigns/addresses-in-polygon'), [
        municipalityId,
        JSON.stringify(geojson),
      ])
    ).rows,
  );
}

export async function addressesNearIncident(
  q: Queryable,
  municipalityId: number,
  incidentId: number,
  radiusM: number,
): Promise<number[]> {
  return ids(
    (
      await q.query<{ id: string }>(sql('campaigns/addresses-near-incident'), [
        municipalityId,
        incidentId,
        radiusM,
      ])
    ).rows,
  );
}

export async function incidentForCampaign(
  q: Queryable,
  id: number,
): Promise<
  { id: number; municipality_id: number; address_id: number | null; has_geom: boolean } | undefined
> {
  const { rows } = await q.query<{
    id: string;
    municipality_id: number;
    address_id: string | null;
    has_geom: boolean;
  }>(sql('campaigns/incident-for-campaign'), [id]);
  const r = rows[0];
  return (
    r && {
      id: Number(r.id),
      municipality_id: r.municipality_id,
      address_id: r.address_id === null ? null : Number(r.address_id),
      has_geom: r.has_geom,
    }
  );
}

export async function campaignById(q: Queryable, id: number): Promise<CampaignRow | undefined> {
  return (await q.query<CampaignRow>(sql('campaigns/campaign-by-id'), [id])).rows[0];
}

export async function lettersByStatus(
  q: Queryable,
  campaignId: number,
  status: 'failed' | 'excluded' | 'pending',
  limit = 1000,
): Promise<{ letter_id: string; address_id: string; address: string; reason: string | null }[]> {
  return (await q.query(sql('campaigns/letters-by-status'), [campaignId, status, limit])).rows as never;
}

export async function lettersForRender(q: Queryable, letterIds: number[]): Promise<RenderRow[]> {
  return (await q.query<RenderRow>(sql('campaigns/letters-for-render'), [letterIds])).rows;
}

/** A rendered letter: page `page` of the stored file `sha256` (page null: the whole file). */
export interface RenderedLetter {
  id: number;
  sha256: string;
  bytes: number;
  page: number | null;
}

export async function markRendered(q: Queryable, letters: RenderedLetter[]): Promise<number[]> {
  if (letters.length === 0) return [];
  const { rows } = await q.query<{ id: string }>(sql('campaigns/mark-rendered'), [
    letters.map((l) => l.id),
    letters.map((l) => l.sha256),
    letters.map((l) => l.bytes),
    letters.map((l) => l.page),
  ]);
  return ids(rows);
}

export async function markFailed(q: Queryable, letters: { id: number; reason: string }[]): Promise<number[]> {
  if (letters.length === 0) return [];
  const { rows } = await q.query<{ id: string }>(sql('campaigns/mark-failed'), [
    letters.map((l) => l.id),
    letters.map((l) => l.reason.slice(0, 1000)),
  ]);
  return ids(rows);
}

export async function pendingLetters(
  q: Queryable,
  campaignId: number | null,
): Promise<{ id: number; campaignId: number }[]> {
  const { rows } = await q.query<{ id: string; campaign_id: string }>(sql('campaigns/pending-letters'), [
    campaignId,
  ]);
  return rows.map((r) => ({ id: Number(r.id), campaignId: Number(r.campaign_id) }));
}

export async function renderedLetters(q: Queryable, campaignId: number): Promise<PrintRow[]> {
  return (await q.query<PrintRow>(sql('campaigns/rendered-letters'), [campaignId])).rows;
}

export interface PreviewLetterRow {
  status: 'pending' | 'excluded';
  address_id: number;
  address: string;
  street_id: number | null;
  street_name: string;
  previous_campaign_id: number | null;
  previous_on: string | null;
}

export async function previewLetters(q: Queryable, campaignId: number): Promise<PreviewLetterRow[]> {
  const { rows } = await q.query<PreviewLetterRow>(sql('campaigns/preview-letters'), [campaignId]);
  return rows;
}

export async function markExported(q: Queryable, campaignId: number): Promise<void> {
  await q.query(sql('campaigns/mark-exported'), [campaignId]);
}

/** Cancels the campaign and its waiting letters; false when it was already cancelled or printed. */
export async function cancelCampaign(
  q: Queryable,
  campaignId: number,
  actor: string,
): Promise<number[] | null> {
  const c = await q.query(sql('campaigns/cancel-campaign'), [campaignId, actor]);
  if (c.rowCount === 0) return null;
  const l = await q.query<{ id: string }>(sql('campaigns/cancel-letters'), [campaignId]);
  return l.rows.map((r) => Number(r.id));
}

export async function retryFailed(q: Queryable, campaignId: number): Promise<number[]> {
  const { rows } = await q.query<{ id: number }>(sql('campaigns/retry-failed'), [campaignId]);
  return rows.map((r) => r.id);
}

export interface CampaignListRow {
  id: number;
  municipality_code: string;
  kind: CampaignKind;
  template: string;
  language: 'nl' | 'en';
  created_at: Date;
  created_actor: string;
  cancelled_at: Date | null;
  first_exported_at: Date | null;
  pending: number;
  rendered: number;
  failed: number;
  excluded: number;
  cancelled: number;
  streets: number;
}

export async function listCampaigns(
  q: Queryable,
  f: {
    municipalityIds: number[] | null;
    from: Date | null;
    to: Date | null;
    kind: string | null;
    streetId: number | null;
    limit: number;
  },
): Promise<CampaignListRow[]> {
  const { rows } = await q.query<CampaignListRow>(sql('campaigns/list-campaigns'), [
    f.municipalityIds,
    f.from,
    f.to,
    f.kind,
    f.streetId,
    f.limit,
  ]);
  return rows;
}

export async function streetHistory(
  q: Queryable,
  streetId: number,
): Promise<
  Array<{
    campaign_id: number;
    kind: CampaignKind;
    language: string;
    created_at: Date;
    created_actor: string;
    letters: number;
    rendered: number;
  }>
> {
  const { rows } = await q.query<Awaited<ReturnType<typeof streetHistory>>[number]>(
    sql('campaigns/street-history'),
    [streetId],
  );
  return rows;
}

export async function lastLetters(
  q: Queryable,
  municipalityId: number,
): Promise<Array<{ street_id: number; street_name: string; last_at: Date; campaigns: number }>> {
  const { rows } = await q.query<{
    street_id: number;
    street_name: string;
    last_at: Date;
    campaigns: number;
  }>(sql('campaigns/last-letters'), [municipalityId]);
  return rows;
}

export interface TodoRow {
  id: number;
  municipality_code: string;
  occurred_from: Date;
  attempt: boolean;
  modus_operandi: string;
  street_id: number | null;
  street_name: string | null;
  hours: number;
}

export async function letterTodo(
  q: Queryable,
  municipalityIds: number[] | null,
  days: number,
  metres: number,
): Promise<TodoRow[]> {
  const { rows } = await q.query<TodoRow>(sql('campaigns/letter-todo'), [municipalityIds, days, metres]);
  return rows;
}

export async function streetById(
  q: Queryable,
  streetId: number,
): Promise<{ id: number; municipality_id: number; name: string } | undefined> {
  const { rows } = await q.query<{ id: number; municipality_id: number; name: string }>(
    sql('campaigns/street-by-id'),
    [streetId],
  );
  return rows[0];
}
