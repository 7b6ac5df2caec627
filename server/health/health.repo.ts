/** SQL of GET /api/health (sql/queries/health/*.sql). */
import { db } from '../core/db';
import { sql } from '../core/sql';

/** The PostGIS library version of the process-wide database. */
export async function postgisVersion(): Promise<string | undefined> {
  const { rows } = await db().query<{ postgis: string }>(sql('health/postgis-version'));
  return rows[0]?.postgis;
}
