/** SQL of the private calendar feeds (sql/queries/calendar-feeds/*.sql). */
import { db, type Queryable } from '../core/db';
import { sql } from '../core/sql';

export interface FeedInspectionRow {
  id: number;
  municipality_code: string;
  municipality_name: string;
  title: string;
  starts_at: Date;
  status: 'planned' | 'done' | 'cancelled';
  route_minutes: number | null;
  route_start_label: string | null;
  updated_at: Date;
  streets: string[];
  team: number;
}

export async function revoke(q: Queryable, userId: number): Promise<number[]> {
  const r = await q.query<{ id: string }>(sql('calendar-feeds/revoke'), [userId]);
  return r.rows.map((x) => Number(x.id));
}

export async function insert(
  q: Queryable,
  userId: number,
  hash: Buffer,
): Promise<{ id: number; created_at: Date }> {
  const r = await q.query<{ id: string; created_at: Date }>(sql('calendar-feeds/insert'), [userId, hash]);
  return { id: Number(r.rows[0]!.id), created_at: r.rows[0]!.created_at };
}

export async function live(
  userId: number,
  q: Queryable = db(),
): Promise<{ id: number; created_at: Date; last_used_at: Date | null } | null> {
  const r = await q.query<{ id: string; created_at: Date; last_used_at: Date | null }>(
    sql('calendar-feeds/live'),
    [userId],
  );
  const row = r.rows[0];
  return row ? { ...row, id: Number(row.id) } : null;
}

export async function byToken(
  hash: Buffer,
  q: Queryable = db(),
): Promise<{ id: number; user_id: number; live: boolean } | null> {
  const r = await q.query<{ id: string; user_id: number; live: boolean }>(sql('calendar-feeds/by-token'), [
    hash,
  ]);
  const row = r.rows[0];
  return row ? { ...row, id: Number(row.id) } : null;
}

export async function memberInspections(
  userId: number,
  since: Date,
  q: Queryable = db(),
): Promise<FeedInspectionRow[]> {
  const r = await q.query<FeedInspectionRow & { id: string }>(sql('calendar-feeds/member-inspections'), [
    userId,
    since,
  ]);
  return r.rows.map((x) => ({ ...x, id: Number(x.id) }));
}
