/**
 * Synthetic burglaries for tests, the demo screenshot and the benchmark: clumped around a few
 * hotspots (as real burglaries are), spread over the last 12 months with more recent ones,
 * each at a residential address with its street set (as the incident import does).
 * Deterministic for a seed. Labelled source 'demo' unless told otherwise.
 */
import type { Pool } from 'pg';

const METHODS = [
  'cylinder_snapping',
  'latch_slipping',
  'open_window_door',
  'door_forced',
  'window_forced',
  'climbing',
  'unknown',
];
const METHOD_WEIGHTS = [30, 12, 20, 15, 12, 5, 6];

function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SyntheticIncident {
  externalId: string;
  lon: number;
  lat: number;
}

export async function insertSyntheticIncidents(
  pool: Pool,
  opts: { municipalityCode: string; count: number; seed?: number; source?: string; hotspots?: number },
): Promise<SyntheticIncident[]> {
  const rnd = prng(opts.seed ?? 42);
  const m = await pool.query<{ id: number }>('SELECT id FROM municipalities WHERE code = $1', [
    opts.municipalityCode,
  ]);
  const municipalityId = m.rows[0]!.id;
  const a = await pool.query<{ id: string; street_id: string; x: number; y: number }>(
    `SELECT id, street_id, ST_X(geom) AS x, ST_Y(geom) AS y FROM addresses
     WHERE municipality_id = $1 AND residential AND street_id IS NOT NULL ORDER BY id`,
    [municipalityId],
  );
  const addresses = a.rows;
  const hotspots = Array.from(
    { length: opts.hotspots ?? 5 },
    () => addresses[Math.floor(rnd() * addresses.length)]!,
  );
  const pickMethod = (): string => {
    let r = rnd() * METHOD_WEIGHTS.reduce((s, w) => s + w, 0);
    for (let i = 0; i < METHODS.length; i++) {
      r -= METHOD_WEIGHTS[i]!;
      if (r <= 0) return METHODS[i]!;
    }
    return 'unknown';
  };
  const rows = [];
  const now = Date.now();
  for (let i = 0; i < opts.count; i++) {
    let addr = addresses[Math.floor(rnd() * addresses.length)]!;
    if (rnd() < 0.75) {
      const h = hotspots[Math.floor(rnd() * hotspots.length)]!;
      const near = addresses.filter((x) => (x.x - h.x) ** 2 + (x.y - h.y) ** 2 < 250 ** 2);
      addr = near[Math.floor(rnd() * near.length)] ?? h;
    }
    // More recent burglaries than old ones: days ago skewed towards 0.
    const daysAgo = Math.floor(360 * rnd() ** 1.6);
    const from = new Date(now - daysAgo * 86400_000 - Math.floor(rnd() * 86400_000));
    rows.push({
      municipality_id: municipalityId,
      source: opts.source ?? 'demo',
      external_id: `TESTREG-${String(opts.seed ?? 42)}-${String(i).padStart(6, '0')}`,
      occurred_from: from.toISOString(),
      occurred_to: new Date(from.getTime() + Math.floor(rnd() * 8) * 3600_000).toISOString(),
      attempt: rnd() < 0.3,
      modus_operandi: pickMethod(),
      address_id: addr.id,
      street_id: addr.street_id,
      x: addr.x,
      y: addr.y,
    });
  }
  const r = await pool.query<{ external_id: string; lon: number; lat: number }>(
    `INSERT INTO incidents (municipality_id, source, external_id, occurred_from, occurred_to, attempt, modus_operandi,
                            address_id, street_id, geom)
     SELECT municipality_id, source, external_id, occurred_from, occurred_to, attempt, modus_operandi, address_id, street_id,
            ST_SetSRID(ST_MakePoint(x, y), 28992)
     FROM jsonb_to_recordset($1::jsonb) AS t(municipality_id int, source text, external_id text, occurred_from timestamptz,
          occurred_to timestamptz, attempt boolean, modus_operandi text, address_id bigint, street_id bigint, x float8, y float8)
     RETURNING external_id, ST_X(ST_Transform(geom, 4326)) AS lon, ST_Y(ST_Transform(geom, 4326)) AS lat`,
    [JSON.stringify(rows)],
  );
  return r.rows.map((x) => ({ externalId: x.external_id, lon: x.lon, lat: x.lat }));
}
