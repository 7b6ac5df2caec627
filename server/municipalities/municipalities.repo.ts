/** SQL for municipalities. */
import type { Queryable } from '../core/db';

/** Returns the id of the municipality with this code, creating it (with settings) if new. */
export async function ensureMunicipality(
  q: Queryable,
  m: { code: string; name: string; settings?: object },
): Promise<number> {
  const { rows } = await q.query<{ id: number }>(
    `INSERT INTO municipalities (code, name, settings) VALUES ($1, $2, $3)
     ON CONFLICT (code) DO UPDATE SET name = municipalities.name
     RETURNING id`,
    [m.code, m.name, JSON.stringify(m.settings ?? {})],
  );
  return rows[0]!.id;
}

export async function municipalityByCode(
  q: Queryable,
  code: string,
): Promise<{ id: number; name: string; settings: unknown } | undefined> {
  const { rows } = await q.query<{ id: number; name: string; settings: unknown }>(
    'SELECT id, name, settings FROM municipalities WHERE code = $1',
    [code],
  );
  return rows[0];
}
