/** SQL for municipalities (sql/queries/municipalities/*.sql). */
import type { Queryable } from '../core/db';
import { sql } from '../core/sql';

/** A municipality as routes, imports and audit entries name it. */
export interface MunicipalityRef {
  id: number;
  code: string;
  name: string;
}

/** A municipality with its settings (JSON, read with MunicipalitySettings). */
export interface MunicipalityRow extends MunicipalityRef {
  settings: unknown;
}

/** The municipality with this code, creating it (with settings) if new; an existing one keeps its name. */
export async function ensureMunicipality(
  q: Queryable,
  m: { code: string; name: string; settings?: object },
): Promise<MunicipalityRef> {
  const { rows } = await q.query<MunicipalityRef>(sql('municipalities/ensure'), [
    m.code,
    m.name,
    JSON.stringify(m.settings ?? {}),
  ]);
  return rows[0]!;
}

export async function municipalityByCode(q: Queryable, code: string): Promise<MunicipalityRow | undefined> {
  return (await q.query<MunicipalityRow>(sql('municipalities/by-code'), [code])).rows[0];
}

export async function municipalityById(q: Queryable, id: number): Promise<MunicipalityRow | undefined> {
  return (await q.query<MunicipalityRow>(sql('municipalities/by-id'), [id])).rows[0];
}

/** At most `limit` municipalities, by code. */
export async function firstMunicipalities(q: Queryable, limit: number): Promise<MunicipalityRef[]> {
  return (await q.query<MunicipalityRef>(sql('municipalities/first'), [limit])).rows;
}

export async function allMunicipalityIds(q: Queryable): Promise<number[]> {
  return (await q.query<{ id: number }>(sql('municipalities/all-ids'))).rows.map((r) => r.id);
}
