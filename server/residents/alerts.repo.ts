/** SQL of residents' alerts (sql/queries/residents/*.sql). */
import { db, type Queryable } from '../core/db';
import { sql } from '../core/sql';

export type Frequency = 'published' | 'weekly';
export type TargetKind = 'street' | 'area' | 'circle';
export type MailKind = 'confirm' | 'alert' | 'digest';

export interface NewSubscription {
  municipalityId: number;
  email: string;
  lang: 'nl' | 'en';
  frequency: Frequency;
  targetKind: TargetKind;
  streetId: number | null;
  areaKey: string | null;
  centerLon: number | null;
  centerLat: number | null;
  radiusM: number | null;
  targetLabel: string;
  confirmToken: string;
  confirmExpiresAt: Date;
  unsubscribeToken: string;
  consentVersion: string;
}

export async function insertSubscription(s: NewSubscription, q: Queryable = db()): Promise<number> {
  const r = await q.query<{ id: string }>(sql('residents/insert-subscription'), [
    s.municipalityId,
    s.email,
    s.lang,
    s.frequency,
    s.targetKind,
    s.streetId,
    s.areaKey,
    s.centerLon,
    s.centerLat,
    s.radiusM,
    s.targetLabel,
    s.confirmToken,
    s.confirmExpiresAt,
    s.unsubscribeToken,
    s.consentVersion,
  ]);
  return Number(r.rows[0]!.id);
}

/** Adds a mail; null when the subscription already has the mail with this key. */
export async function insertMail(
  subscriptionId: number,
  kind: MailKind,
  key: string,
  content: unknown,
  q: Queryable = db(),
): Promise<number | null> {
  const r = await q.query<{ id: string }>(sql('residents/insert-mail'), [
    subscriptionId,
    kind,
    key,
    JSON.stringify(content),
  ]);
  return r.rows[0] ? Number(r.rows[0].id) : null;
}

export async function pendingByConfirmToken(
  token: string,
  now: Date,
  q: Queryable = db(),
): Promise<{ id: number; lang: 'nl' | 'en'; targetLabel: string } | null> {
  const r = await q.query<{ id: string; lang: 'nl' | 'en'; target_label: string }>(
    sql('residents/subscription-by-confirm-token'),
    [token, now],
  );
  const row = r.rows[0];
  return row ? { id: Number(row.id), lang: row.lang, targetLabel: row.target_label } : null;
}

export async function confirm(
  token: string,
  now: Date,
  lastMonth: string,
  q: Queryable = db(),
): Promise<boolean> {
  const r = await q.query(sql('residents/confirm-subscription'), [token, now, lastMonth]);
  return (r.rowCount ?? 0) > 0;
}

export async function byUnsubscribeToken(
  token: string,
  q: Queryable = db(),
): Promise<{ id: number; lang: 'nl' | 'en'; targetLabel: string } | null> {
  const r = await q.query<{ id: string; lang: 'nl' | 'en'; target_label: string }>(
    sql('residents/subscription-by-unsubscribe-token'),
    [token],
  );
  const row = r.rows[0];
  return row ? { id: Number(row.id), lang: row.lang, targetLabel: row.target_label } : null;
}

export async function deleteByUnsubscribeToken(token: string, q: Queryable = db()): Promise<boolean> {
  const r = await q.query(sql('residents/delete-subscription'), [token]);
  return (r.rowCount ?? 0) > 0;
}

export async function deleteUnconfirmed(createdBefore: Date, q: Queryable = db()): Promise<number> {
  const r = await q.query(sql('residents/delete-unconfirmed'), [createdBefore]);
  return r.rowCount ?? 0;
}

export interface DueSubscription {
  id: number;
  targetKind: TargetKind;
  streetId: number | null;
  areaKey: string | null;
  centerLon: number | null;
  centerLat: number | null;
  radiusM: number | null;
  targetLabel: string;
  lang: 'nl' | 'en';
}

export async function dueSubscriptions(
  municipalityId: number,
  frequency: Frequency,
  month: string,
  q: Queryable = db(),
): Promise<DueSubscription[]> {
  const r = await q.query<{
    id: string;
    target_kind: TargetKind;
    street_id: string | null;
    area_key: string | null;
    center_lon: number | null;
    center_lat: number | null;
    radius_m: number | null;
    target_label: string;
    lang: 'nl' | 'en';
  }>(sql('residents/due-subscriptions'), [municipalityId, frequency, month]);
  return r.rows.map((x) => ({
    id: Number(x.id),
    targetKind: x.target_kind,
    streetId: x.street_id === null ? null : Number(x.street_id),
    areaKey: x.area_key,
    centerLon: x.center_lon,
    centerLat: x.center_lat,
    radiusM: x.radius_m,
    targetLabel: x.target_label,
    lang: x.lang,
  }));
}

export async function setLastMonth(
  subscriptionId: number,
  month: string,
  q: Queryable = db(),
): Promise<void> {
  await q.query(sql('residents/set-last-month'), [subscriptionId, month]);
}

export async function municipalitiesWithSubscriptions(
  q: Queryable = db(),
): Promise<Array<{ id: number; code: string }>> {
  const r = await q.query<{ id: number; code: string }>(sql('residents/municipalities-with-subscriptions'));
  return r.rows;
}

export async function pendingMails(q: Queryable = db()): Promise<number[]> {
  const r = await q.query<{ id: string }>(sql('residents/pending-mails'));
  return r.rows.map((x) => Number(x.id));
}

export interface ClaimedMail {
  id: number;
  kind: MailKind;
  key: string;
  content: unknown;
  email: string;
  lang: 'nl' | 'en';
  targetLabel: string;
  confirmToken: string | null;
  unsubscribeToken: string;
  municipalityId: number;
  municipalityCode: string;
  targetKind: TargetKind;
  /** For a street subscription: the street the map link opens. */
  streetId: number | null;
}

export async function claimMail(id: number, q: Queryable = db()): Promise<ClaimedMail | null> {
  const r = await q.query<{
    id: string;
    kind: MailKind;
    key: string;
    content: unknown;
    email: string;
    lang: 'nl' | 'en';
    target_label: string;
    confirm_token: string | null;
    unsubscribe_token: string;
    municipality_id: number;
    municipality_code: string;
    target_kind: TargetKind;
    street_id: string | null;
  }>(sql('residents/claim-mail'), [id]);
  const x = r.rows[0];
  if (!x) return null;
  return {
    id: Number(x.id),
    kind: x.kind,
    key: x.key,
    content: x.content,
    email: x.email,
    lang: x.lang,
    targetLabel: x.target_label,
    confirmToken: x.confirm_token,
    unsubscribeToken: x.unsubscribe_token,
    municipalityId: x.municipality_id,
    municipalityCode: x.municipality_code,
    targetKind: x.target_kind,
    streetId: x.street_id === null ? null : Number(x.street_id),
  };
}

export async function markSent(id: number, messageId: string, q: Queryable = db()): Promise<boolean> {
  const r = await q.query(sql('residents/mail-sent'), [id, messageId]);
  return (r.rowCount ?? 0) > 0;
}

export async function unclaim(id: number, q: Queryable = db()): Promise<void> {
  await q.query(sql('residents/mail-unclaim'), [id]);
}

export async function mailStatus(id: number, q: Queryable = db()): Promise<string | null> {
  const r = await q.query<{ status: string }>(sql('residents/mail-status'), [id]);
  return r.rows[0]?.status ?? null;
}

export async function streetsInCircle(
  municipalityId: number,
  lon: number,
  lat: number,
  radiusM: number,
  q: Queryable = db(),
): Promise<number[]> {
  const r = await q.query<{ id: string }>(sql('residents/streets-in-circle'), [
    municipalityId,
    lon,
    lat,
    radiusM,
  ]);
  return r.rows.map((x) => Number(x.id));
}

export interface StuckMailRow {
  source: 'alert' | 'reminder';
  id: string;
  kind: string;
  attempts: number;
  created_at: Date;
  claimed_at: Date | null;
}

/** Alert mails and evening reminders left in 'sending' since before `claimedBefore`. */
export async function stuckMails(claimedBefore: Date, q: Queryable = db()): Promise<StuckMailRow[]> {
  return (await q.query<StuckMailRow>(sql('residents/stuck-mails'), [claimedBefore])).rows;
}

/** Puts a mail left in 'sending' back to pending; false when it was not in 'sending'. */
export async function releaseMail(id: number, q: Queryable = db()): Promise<boolean> {
  return ((await q.query(sql('residents/release-mail'), [id])).rowCount ?? 0) > 0;
}

/** Records a mail left in 'sending' as sent; false when it was not in 'sending'. */
export async function closeMail(id: number, messageId: string, q: Queryable = db()): Promise<boolean> {
  return ((await q.query(sql('residents/close-mail'), [id, messageId])).rowCount ?? 0) > 0;
}
