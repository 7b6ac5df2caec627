/** SQL of the demo set-up (sql/queries/setup/*.sql). */
import type { Queryable } from '../core/db';
import { sql } from '../core/sql';

/** A residential address the demo incidents can be placed at (RD New). */
export interface DemoAddress {
  id: number;
  street_id: number | null;
  street_name: string;
  x: number;
  y: number;
}

export async function demoAddresses(q: Queryable, municipalityId: number): Promise<DemoAddress[]> {
  return (await q.query<DemoAddress>(sql('setup/demo-addresses'), [municipalityId])).rows;
}

/** Inserts or updates the demo incidents; returns per changed incident whether it is new. */
export async function upsertDemoIncidents(
  q: Queryable,
  municipalityId: number,
  incidents: readonly object[],
) {
  return (
    await q.query<{ inserted: boolean }>(sql('setup/upsert-demo-incidents'), [
      municipalityId,
      JSON.stringify(incidents),
    ])
  ).rows;
}
