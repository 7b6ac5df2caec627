/** SQL of the reminder e-mails before an evening (sql/queries/evening-reminders/*.sql). */
import { db, type Queryable } from '../core/db';
import { sql } from '../core/sql';

export type ReminderStatus = 'pending' | 'sending' | 'sent' | 'dropped';

/** What a claimed reminder needs to be written. */
export interface ClaimedReminder {
  id: number;
  /** A reminder before the evening, or the notice that it was cancelled. */
  kind: 'reminder' | 'cancelled';
  /** The household's place: signed up, or on the waiting list. */
  signup_status: 'confirmed' | 'waiting';
  email: string;
  name: string | null;
  people: number;
  title: string;
  starts_at: Date;
  ends_at: Date;
  venue_name: string;
  venue_address: string;
  language: 'nl' | 'en';
  organiser_name: string;
  organiser_email: string | null;
  organiser_phone: string | null;
  evening_id: number;
  municipality_code: string;
  municipality_name: string;
}

export async function insertDue(now: Date, until: Date, q: Queryable = db()): Promise<number[]> {
  const r = await q.query<{ id: string }>(sql('evening-reminders/insert-due'), [now, until]);
  return r.rows.map((x) => Number(x.id));
}

/** Cancellation notices for the sign-ups of a cancelled evening (in its transaction). */
export async function insertCancelled(eveningId: number, q: Queryable = db()): Promise<number[]> {
  const r = await q.query<{ id: string }>(sql('evening-reminders/insert-cancelled'), [eveningId]);
  return r.rows.map((x) => Number(x.id));
}

export async function pending(now: Date, q: Queryable = db()): Promise<number[]> {
  const r = await q.query<{ id: string }>(sql('evening-reminders/pending'), [now]);
  return r.rows.map((x) => Number(x.id));
}

export async function claim(id: number, now: Date, q: Queryable = db()): Promise<ClaimedReminder | null> {
  const r = await q.query<ClaimedReminder & { id: string; evening_id: string }>(
    sql('evening-reminders/claim'),
    [id, now],
  );
  const row = r.rows[0];
  return row ? { ...row, id: Number(row.id), evening_id: Number(row.evening_id) } : null;
}

export async function status(id: number, q: Queryable = db()): Promise<ReminderStatus | null> {
  const r = await q.query<{ status: ReminderStatus }>(sql('evening-reminders/status'), [id]);
  return r.rows[0]?.status ?? null;
}

export async function drop(id: number, q: Queryable = db()): Promise<boolean> {
  return ((await q.query(sql('evening-reminders/drop'), [id])).rowCount ?? 0) > 0;
}

/** Back from 'sending' to pending; false when it was not in 'sending'. */
export async function unclaim(id: number, q: Queryable = db()): Promise<boolean> {
  return ((await q.query(sql('evening-reminders/unclaim'), [id])).rowCount ?? 0) > 0;
}

/** From 'sending' to sent; false when it was not in 'sending'. */
export async function markSent(id: number, messageId: string, q: Queryable = db()): Promise<boolean> {
  return ((await q.query(sql('evening-reminders/sent'), [id, messageId])).rowCount ?? 0) > 0;
}
