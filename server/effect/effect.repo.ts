/** SQL for the effect figures (sql/queries/effect/). */
import type { Queryable } from '../core/db';
import { sql } from '../core/sql';
import type { LetterStreet, StreetEvent, WindowStreet } from './campaign-windows';
import type { StreetWindow } from './diff-in-diff';
import type { TimedPoint } from './near-repeat-counts';

export interface IndexBurglaryRow {
  id: number;
  occurredFrom: Date;
  treated: boolean;
  followOns: number;
}

export interface CocoonParams {
  municipalityId: number;
  from: Date;
  to: Date;
  distanceM: number;
  days: number;
  letterHours: number;
  observedUntil: Date;
}

/** Located burglaries that began in [from, to), as timed points. */
export async function locatedIncidents(
  q: Queryable,
  municipalityId: number,
  from: Date,
  to: Date,
): Promise<TimedPoint[]> {
  return timedPoints(q, 'effect/located-incidents', [municipalityId, from, to]);
}

/** Letters of campaigns made in [from, to), at their addresses and the campaign's moment. */
export async function letterPoints(
  q: Queryable,
  municipalityId: number,
  from: Date,
  to: Date,
): Promise<TimedPoint[]> {
  return timedPoints(q, 'effect/letter-points', [municipalityId, from, to]);
}

async function timedPoints(q: Queryable, name: string, values: unknown[]): Promise<TimedPoint[]> {
  const { rows } = await q.query<{ id: string; x: number; y: number; t: string | number }>(sql(name), values);
  return rows.map((r) => ({ id: Number(r.id), x: r.x, y: r.y, t: Number(r.t) }));
}

/**
 * Index burglaries in a period with their follow-ons and whether their cocoon got letters, in one
 * SQL statement (sql/queries/effect/index-burglaries.sql): the reference the faster counting of
 * server/effect/near-repeat-counts.ts is tested against.
 */
export async function indexBurglaries(q: Queryable, p: CocoonParams): Promise<IndexBurglaryRow[]> {
  const { rows } = await q.query<{ id: string; occurred_from: Date; treated: boolean; follow_ons: number }>(
    sql('effect/index-burglaries'),
    [p.municipalityId, p.from, p.to, p.distanceM, p.days, p.letterHours, p.observedUntil],
  );
  return rows.map((r) => ({
    id: Number(r.id),
    occurredFrom: r.occurred_from,
    treated: r.treated,
    followOns: r.follow_ons,
  }));
}

/** When the municipality's first campaign was made (undefined: none yet). */
export async function firstCampaignAt(q: Queryable, municipalityId: number): Promise<Date | undefined> {
  const { rows } = await q.query<{ first_at: Date | null }>(sql('effect/first-campaign'), [municipalityId]);
  return rows[0]?.first_at ?? undefined;
}

export interface WindowParams {
  municipalityId: number;
  campaignId: number | null;
  from: Date;
  to: Date;
  weeks: number;
  observedUntil: Date;
}

/** Every street in the before/after windows of the campaigns asked for (measure 2). */
export async function streetWindows(q: Queryable, p: WindowParams): Promise<StreetWindow[]> {
  return windows(q, 'effect/street-windows', [
    p.municipalityId,
    p.campaignId,
    p.from,
    p.to,
    p.weeks,
    p.observedUntil,
  ]);
}

/** Every street in the subsidy windows (`days` before and after) of the campaigns asked for (measure 3). */
export async function uptakeWindows(
  q: Queryable,
  p: Omit<WindowParams, 'weeks'> & { days: number },
): Promise<StreetWindow[]> {
  return windows(q, 'effect/uptake-windows', [
    p.municipalityId,
    p.campaignId,
    p.from,
    p.to,
    p.days,
    p.observedUntil,
  ]);
}

async function windows(q: Queryable, name: string, values: unknown[]): Promise<StreetWindow[]> {
  const { rows } = await q.query<{
    campaign_id: string;
    street_id: string;
    addresses: number;
    before: number;
    after: number;
    treated: boolean;
    busy: boolean;
  }>(sql(name), values);
  return rows.map((r) => ({
    campaignId: Number(r.campaign_id),
    streetId: Number(r.street_id),
    addresses: r.addresses,
    before: r.before,
    after: r.after,
    treated: r.treated,
    busy: r.busy,
  }));
}

export interface CampaignRow {
  id: number;
  municipalityId: number;
  kind: string;
  createdAt: Date;
  cancelledAt: Date | null;
  letters: number;
}

/** One campaign (undefined: none with that id). */
export async function campaignById(q: Queryable, id: number): Promise<CampaignRow | undefined> {
  const { rows } = await q.query<{
    id: string;
    municipality_id: number;
    kind: string;
    created_at: Date;
    cancelled_at: Date | null;
    letters: number;
  }>(sql('effect/campaign'), [id]);
  const r = rows[0];
  return r
    ? {
        id: Number(r.id),
        municipalityId: r.municipality_id,
        kind: r.kind,
        createdAt: r.created_at,
        cancelledAt: r.cancelled_at,
        letters: r.letters,
      }
    : undefined;
}

export interface InspectionTotals {
  inspections: number;
  done: number;
  cancelled: number;
  streets: number;
  findings: number;
  fixed: number;
  maintenance: number;
  open: number;
}

/** Street inspections of a period and their findings by follow-up (measure 4). */
export async function inspectionTotals(
  q: Queryable,
  municipalityId: number,
  from: Date,
  to: Date,
): Promise<InspectionTotals> {
  const { rows } = await q.query<InspectionTotals>(sql('effect/inspection-totals'), [
    municipalityId,
    from,
    to,
  ]);
  return rows[0]!;
}

export interface MonthCount {
  month: string;
  burglaries: number;
  yearBefore: number;
}

/** Burglaries per month of a period beside the same months a year before. */
export async function monthlyBurglaries(
  q: Queryable,
  municipalityId: number,
  from: Date,
  to: Date,
): Promise<MonthCount[]> {
  const { rows } = await q.query<{ month: string; burglaries: number; year_before: number }>(
    sql('effect/monthly-burglaries'),
    [municipalityId, from, to],
  );
  return rows.map((r) => ({ month: r.month, burglaries: r.burglaries, yearBefore: r.year_before }));
}

export interface LettersSent {
  kind: string;
  campaigns: number;
  letters: number;
}

/** Campaigns and letters of a period by kind. */
export async function lettersSent(
  q: Queryable,
  municipalityId: number,
  from: Date,
  to: Date,
): Promise<LettersSent[]> {
  const { rows } = await q.query<LettersSent>(sql('effect/letters-sent'), [municipalityId, from, to]);
  return rows;
}

export interface BurglaryCell {
  lon: number;
  lat: number;
  n: number;
}

/** Burglaries of a period per 100 m square (no exact place), for the factsheet's map. */
export async function burglaryCells(
  q: Queryable,
  municipalityId: number,
  from: Date,
  to: Date,
): Promise<BurglaryCell[]> {
  const { rows } = await q.query<BurglaryCell>(sql('effect/burglary-cells'), [municipalityId, from, to]);
  return rows;
}

/** Streets with residential addresses and how many (measures 2 and 3). */
export async function residentialStreets(q: Queryable, municipalityId: number): Promise<WindowStreet[]> {
  const { rows } = await q.query<{ street_id: string; addresses: number }>(
    sql('effect/residential-streets'),
    [municipalityId],
  );
  return rows.map((r) => ({ id: Number(r.street_id), addresses: r.addresses }));
}

export interface CampaignWindowRow {
  id: number;
  tMs: number;
  loMs: number;
  hiMs: number;
  loDay: number;
  tDay: number;
  hiDay: number;
}

/** The campaigns to judge with their windows of `days` days (measures 2 and 3). */
export async function windowCampaigns(
  q: Queryable,
  p: Omit<WindowParams, 'weeks'> & { days: number },
): Promise<CampaignWindowRow[]> {
  const { rows } = await q.query<{
    id: string;
    t_ms: string | number;
    lo_ms: string | number;
    hi_ms: string | number;
    lo_day: number;
    t_day: number;
    hi_day: number;
  }>(sql('effect/window-campaigns'), [p.municipalityId, p.campaignId, p.from, p.to, p.days, p.observedUntil]);
  return rows.map((r) => ({
    id: Number(r.id),
    tMs: Number(r.t_ms),
    loMs: Number(r.lo_ms),
    hiMs: Number(r.hi_ms),
    loDay: r.lo_day,
    tDay: r.t_day,
    hiDay: r.hi_day,
  }));
}

/** Streets that letters of campaigns made in [from, to) went to, with the campaign's moment. */
export async function letterStreets(
  q: Queryable,
  municipalityId: number,
  from: Date,
  to: Date,
): Promise<LetterStreet[]> {
  const { rows } = await q.query<{ campaign_id: string; t_ms: string | number; street_id: string }>(
    sql('effect/letter-streets'),
    [municipalityId, from, to],
  );
  return rows.map((r) => ({
    campaignId: Number(r.campaign_id),
    t: Number(r.t_ms),
    streetId: Number(r.street_id),
  }));
}

/** Burglaries on streets that began in [from, to), as (street, ms). */
export async function streetBurglaryTimes(
  q: Queryable,
  municipalityId: number,
  from: Date,
  to: Date,
): Promise<StreetEvent[]> {
  const { rows } = await q.query<{ street_id: string; t_ms: string | number }>(
    sql('effect/street-burglary-times'),
    [municipalityId, from, to],
  );
  return rows.map((r) => ({ streetId: Number(r.street_id), t: Number(r.t_ms) }));
}

/** Subsidy applications on streets made on the days first..last (days since 1970-01-01). */
export async function streetApplicationDays(
  q: Queryable,
  municipalityId: number,
  first: number,
  last: number,
): Promise<StreetEvent[]> {
  const { rows } = await q.query<{ street_id: string; day: number }>(sql('effect/street-application-days'), [
    municipalityId,
    first,
    last,
  ]);
  return rows.map((r) => ({ streetId: Number(r.street_id), t: r.day }));
}

/**
 * Starts the effect figures' transaction on `c` (just after BEGIN): one read-only snapshot for
 * every measure, and no JIT (it cost more than the queries: sql/queries/effect/jit-off.sql).
 */
export async function beginFigures(c: Queryable): Promise<void> {
  await c.query(sql('effect/snapshot'));
  await c.query(sql('effect/jit-off'));
}

/** The snapshot of a figures transaction (beginFigures first), for joinFigures on another connection. */
export async function exportSnapshot(c: Queryable): Promise<string> {
  const { rows } = await c.query<{ id: string }>(sql('effect/export-snapshot'));
  return rows[0]!.id;
}

/**
 * Starts a second figures transaction on `c` (just after BEGIN) that reads the same snapshot as
 * the one `id` was exported from. The id goes into the statement as a literal (Postgres takes no
 * parameter there), so only the form Postgres gives ids ("00000003-0000001B-1") is accepted.
 */
export async function joinFigures(c: Queryable, id: string): Promise<void> {
  if (!/^[0-9A-F]{1,16}-[0-9A-F]{1,16}-[0-9]{1,10}$/i.test(id)) throw new Error(`not a snapshot id: '${id}'`);
  await c.query(sql('effect/snapshot'));
  await c.query(sql('effect/import-snapshot').replaceAll(':snapshot', `'${id}'`));
  await c.query(sql('effect/jit-off'));
}

export interface EveningTotals {
  evenings: number;
  held: number;
  cancelled: number;
  invited: number;
  /** Households signed up (confirmed, not on the waiting list) and the people they said would come. */
  households: number;
  people: number;
  /** Invitations marked as attended. */
  attended: number;
}

/** Prevention evenings of a period with their invitations, sign-ups and attendance (measure 4). */
export async function eveningTotals(
  q: Queryable,
  municipalityId: number,
  from: Date,
  to: Date,
): Promise<EveningTotals> {
  const { rows } = await q.query<EveningTotals>(sql('effect/evening-totals'), [municipalityId, from, to]);
  return rows[0]!;
}
