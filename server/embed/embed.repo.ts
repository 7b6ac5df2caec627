/** SQL of the sites that may frame a municipality's map (sql/queries/embed/*.sql). */
import { db, type Queryable } from '../core/db';
import { sql } from '../core/sql';

export interface OriginRow {
  origin: string;
  created_actor: string;
  created_at: Date;
}

export async function origins(municipalityId: number, q: Queryable = db()): Promise<OriginRow[]> {
  return (await q.query<OriginRow>(sql('embed/origins'), [municipalityId])).rows;
}

export async function deleteOthers(q: Queryable, municipalityId: number, keep: string[]): Promise<string[]> {
  return (await q.query<{ origin: string }>(sql('embed/delete-origins'), [municipalityId, keep])).rows.map(
    (r) => r.origin,
  );
}

export async function insert(
  q: Queryable,
  municipalityId: number,
  list: string[],
  actor: string,
): Promise<string[]> {
  return (
    await q.query<{ origin: string }>(sql('embed/insert-origins'), [municipalityId, list, actor])
  ).rows.map((r) => r.origin);
}
