/** Helpers for letter campaign tests: demo streets, a burglary to write about, waiting for the worker. */
import type { Pool } from 'pg';

export interface DemoStreet {
  id: number;
  name: string;
  n: number;
}

/** Demo streets with between `min` and `max` residential addresses (all with postcode), most first. */
export async function demoStreets(pool: Pool, min: number, max: number): Promise<DemoStreet[]> {
  const { rows } = await pool.query<{ id: string; name: string; n: number }>(
    `SELECT s.id, s.name, count(*)::int AS n FROM streets s JOIN addresses a ON a.street_id = s.id
     WHERE a.residential GROUP BY s.id HAVING count(*) BETWEEN $1 AND $2 AND bool_and(a.postcode IS NOT NULL)
     ORDER BY count(*) DESC, s.id`,
    [min, max],
  );
  return rows.map((r) => ({ id: Number(r.id), name: r.name, n: r.n }));
}

/** A burglary at one address of the street; returns the incident and the victim's address id. */
export async function burglaryIn(
  pool: Pool,
  streetId: number,
  externalId: string,
): Promise<{ incidentId: number; victimAddressId: number }> {
  const { rows } = await pool.query<{ id: string; address_id: string }>(
    `INSERT INTO incidents (municipality_id, source, external_id, occurred_from, occurred_to, attempt, modus_operandi, address_id, street_id, geom)
     SELECT a.municipality_id, 'test', $2, now() - interval '3 days', now() - interval '2 days', false, 'cylinder_snapping', a.id, a.street_id, a.geom
     FROM addresses a WHERE a.street_id = $1 AND a.residential ORDER BY a.id LIMIT 1
     RETURNING id, address_id`,
    [streetId, externalId],
  );
  return { incidentId: Number(rows[0]!.id), victimAddressId: Number(rows[0]!.address_id) };
}

/** Residential addresses of streets as printed ("Mekelweg 12A"), in print order. */
export async function addressLines(
  pool: Pool,
  streetIds: number[],
  exceptAddressId?: number,
): Promise<string[]> {
  const { rows } = await pool.query<{ line: string }>(
    `SELECT street_name || ' ' || huisnummer || coalesce(huisletter, '') || coalesce('-' || toevoeging, '') AS line
     FROM addresses WHERE street_id = ANY($1) AND residential AND id IS DISTINCT FROM $2
     ORDER BY postcode, huisnummer, huisletter NULLS FIRST, toevoeging NULLS FIRST, id`,
    [streetIds, exceptAddressId ?? null],
  );
  return rows.map((r) => r.line);
}

export async function letterCounts(pool: Pool, campaignId: number): Promise<Record<string, number>> {
  const { rows } = await pool.query<{ status: string; n: number }>(
    'SELECT status, count(*)::int AS n FROM letters WHERE campaign_id = $1 GROUP BY status',
    [campaignId],
  );
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

/** Polls until no letter of the campaign is pending, or fails after `timeoutMs`. */
export async function waitUntilDone(
  pool: Pool,
  campaignId: number,
  timeoutMs = 90_000,
): Promise<Record<string, number>> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const c = await letterCounts(pool, campaignId);
    if (!c.pending) return c;
    if (Date.now() > until)
      throw new Error(`campaign ${campaignId} not done after ${timeoutMs} ms: ${JSON.stringify(c)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

export async function waitUntilRendered(
  pool: Pool,
  campaignId: number,
  atLeast: number,
  timeoutMs = 60_000,
): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (((await letterCounts(pool, campaignId)).rendered ?? 0) < atLeast) {
    if (Date.now() > until)
      throw new Error(`campaign ${campaignId}: fewer than ${atLeast} letters rendered after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** How often each line occurs in a text. */
export function occurrences(text: string, line: string): number {
  const re = new RegExp(`(^|\\s)${line.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?=\\s)`, 'g');
  return (text.match(re) ?? []).length;
}
