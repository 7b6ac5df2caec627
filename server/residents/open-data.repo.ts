/** SQL of the open-data downloads (sql/queries/residents/street-lines.sql). */
import { db, type Queryable } from '../core/db';
import { sql } from '../core/sql';

export async function streetLines(
  municipalityId: number,
  q: Queryable = db(),
): Promise<Map<number, unknown>> {
  const r = await q.query<{ id: string; geometry: string }>(sql('residents/street-lines'), [municipalityId]);
  return new Map(r.rows.map((x) => [Number(x.id), JSON.parse(x.geometry) as unknown]));
}
