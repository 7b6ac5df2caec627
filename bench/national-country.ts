/**
 * The synthetic country of bench/national.bench.ts and bench/soak.bench.ts: its sizes and layout,
 * the SQL that builds it (generate_series, in one session), and the helpers both benchmarks use
 * (the real server as a child process, its memory, tile numbers).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { PoolClient } from 'pg';

const root = path.resolve(__dirname, '..');
export const DAY = 86_400_000;
/** Addresses of the four big cities (Amsterdam, Rotterdam, Den Haag, Utrecht) at full size. */
const BIG = [900_000, 700_000, 550_000, 400_000];
const TOTAL = 10_000_000;
const MUNICIPALITIES = 342;
const INCIDENTS_PER_YEAR = 25_000;
const SEGMENT_M = 60;
const PER_SEGMENT = 5;

export function log(msg: string): void {
  process.stderr.write(`[bench] ${msg}\n`);
}

/** Municipality sizes: the big four, then 338 on a power law summing to the rest. */
export function municipalitySizes(scale: number): number[] {
  const rest = MUNICIPALITIES - BIG.length;
  const w = Array.from({ length: rest }, (_, i) => (i + 8) ** -0.9);
  const sum = w.reduce((a, b) => a + b, 0);
  const left = TOTAL - BIG.reduce((a, b) => a + b, 0);
  return [...BIG, ...w.map((x) => (x / sum) * left)].map((n) => Math.max(40, Math.round(n * scale)));
}

interface Layout {
  code: string;
  name: string;
  k: number;
  x0: number;
  y0: number;
  /** Streets of the municipalities before this one: its street ids follow (no join by name). */
  sid0: number;
}

/**
 * Each municipality a square grid of k lines each way, k segments a line (2k² segments, 10k²
 * addresses), packed in rows across RD New from (20 km, 310 km) with 1 km between them.
 */
function layout(sizes: number[]): Layout[] {
  let x = 20_000;
  let y = 310_000;
  let rowHeight = 0;
  let sid0 = 0;
  return sizes.map((n, i) => {
    const k = Math.max(2, Math.round(Math.sqrt(n / (2 * PER_SEGMENT))));
    const side = k * SEGMENT_M;
    if (x + side > 280_000) {
      x = 20_000;
      y += rowHeight + 1_000;
      rowHeight = 0;
    }
    const l = {
      code: `GM${String(9000 - i).padStart(4, '0')}`,
      name: `Benchstad ${i + 1}`,
      k,
      x0: x,
      y0: y,
      sid0,
    };
    sid0 += 2 * k * (Math.floor((k - 1) / 10) + 1);
    x += side + 1_000;
    rowHeight = Math.max(rowHeight, side);
    return l;
  });
}

export async function timed<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t0 = performance.now();
  const r = await fn();
  return [Math.round(performance.now() - t0), r];
}

/** Builds the country at `SCALE` (1: 10 million addresses); returns the set-up phases in ms. */
export async function buildCountry(c: PoolClient, end: Date, SCALE: number): Promise<Record<string, number>> {
  const setup: Record<string, number> = {};
  const l = layout(municipalitySizes(SCALE));
  await c.query(`SET maintenance_work_mem = '1GB'`);
  await c.query(`SELECT setseed(0.15)`);
  setup.municipalitiesAndStreetsMs = (
    await timed(async () => {
      await c.query(
        `CREATE TEMP TABLE layout AS
         SELECT *, (k - 1) / 10 + 1 AS parts
         FROM unnest($1::text[], $2::text[], $3::int[], $4::int[], $5::int[], $6::bigint[]) AS t(code, name, k, x0, y0, sid0)`,
        [
          l.map((m) => m.code),
          l.map((m) => m.name),
          l.map((m) => m.k),
          l.map((m) => m.x0),
          l.map((m) => m.y0),
          l.map((m) => m.sid0),
        ],
      );
      await c.query(
        `INSERT INTO municipalities (code, name) SELECT code, name FROM layout ORDER BY code DESC`,
      );
      await c.query(`ALTER TABLE layout ADD COLUMN mid int`);
      await c.query(`UPDATE layout l SET mid = m.id FROM municipalities m WHERE m.code = l.code`);
      // 2k lines, each cut into streets of 10 segments: street id sid0 + line * parts + part + 1.
      await c.query(
        `INSERT INTO streets (id, municipality_id, name, place)
         SELECT l.sid0 + line * l.parts + part + 1, l.mid, 'Straat ' || line || '-' || part, l.name
         FROM layout l, generate_series(0, 2 * l.k - 1) line, generate_series(0, l.parts - 1) part`,
      );
      await c.query(`SELECT setval('streets_id_seq', (SELECT max(id) FROM streets))`);
    })
  )[0];
  setup.segmentsMs = (
    await timed(() =>
      c.query(
        `INSERT INTO street_segments (street_id, source, source_key, highway, geom)
         SELECT l.sid0 + line * l.parts + seg / 10 + 1, 'bench', l.mid || '-' || line || '-' || seg, 'residential',
                CASE WHEN line < l.k
                  THEN ST_SetSRID(ST_MakeLine(ST_MakePoint(l.x0 + seg * ${SEGMENT_M}, l.y0 + line * ${SEGMENT_M}),
                                              ST_MakePoint(l.x0 + (seg + 1) * ${SEGMENT_M}, l.y0 + line * ${SEGMENT_M})), 28992)
                  ELSE ST_SetSRID(ST_MakeLine(ST_MakePoint(l.x0 + (line - l.k) * ${SEGMENT_M}, l.y0 + seg * ${SEGMENT_M}),
                                              ST_MakePoint(l.x0 + (line - l.k) * ${SEGMENT_M}, l.y0 + (seg + 1) * ${SEGMENT_M})), 28992)
                END
         FROM layout l, generate_series(0, 2 * l.k - 1) line, generate_series(0, l.k - 1) seg`,
      ),
    )
  )[0];
  setup.streetGeometryMs = (
    await timed(() =>
      c.query(
        `UPDATE streets s SET geom = g.geom
         FROM (SELECT street_id, ST_Multi(ST_LineMerge(ST_Collect(geom ORDER BY id))) geom FROM street_segments GROUP BY 1) g
         WHERE g.street_id = s.id`,
      ),
    )
  )[0];
  // A bulk load, as one would load a national BAG extract: the secondary indexes and the
  // address-count triggers are off during the insert and rebuilt after (the importers keep them).
  setup.addressesMs = (
    await timed(async () => {
      const { rows: idx } = await c.query<{ name: string; def: string }>(
        `SELECT i.indexname AS name, i.indexdef AS def FROM pg_indexes i
         WHERE i.tablename = 'addresses' AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conname = i.indexname)`,
      );
      for (const i of idx) await c.query(`DROP INDEX ${i.name}`);
      await c.query(`ALTER TABLE addresses DISABLE TRIGGER USER`);
      await c.query(
        `INSERT INTO addresses (municipality_id, street_id, source, source_key, street_name, huisnummer, postcode, place, residential, geom)
         SELECT st.municipality_id, st.id, 'bench', ss.id || '-' || j, st.name, 1 + j + ${PER_SEGMENT} * (ss.id % 10),
                (1000 + st.id % 9000)::text || chr(65 + (ss.id % 26)::int) || chr(65 + (ss.id / 26 % 26)::int), st.place, true,
                CASE WHEN ST_Y(ST_StartPoint(ss.geom)) = ST_Y(ST_EndPoint(ss.geom))
                  THEN ST_SetSRID(ST_MakePoint(ST_X(ST_StartPoint(ss.geom)) + (j + 0.5) * ${SEGMENT_M / PER_SEGMENT}, ST_Y(ST_StartPoint(ss.geom)) + (j % 2 * 2 - 1) * 8), 28992)
                  ELSE ST_SetSRID(ST_MakePoint(ST_X(ST_StartPoint(ss.geom)) + (j % 2 * 2 - 1) * 8, ST_Y(ST_StartPoint(ss.geom)) + (j + 0.5) * ${SEGMENT_M / PER_SEGMENT}), 28992)
                END
         FROM street_segments ss JOIN streets st ON st.id = ss.street_id, generate_series(0, ${PER_SEGMENT - 1}) j
         ORDER BY ss.id, j`,
      );
      await c.query(`ALTER TABLE addresses ENABLE TRIGGER USER`);
      for (const i of idx) await c.query(i.def);
      await c.query(
        `UPDATE streets s SET residential_addresses = n.n
         FROM (SELECT street_id, count(*)::int n FROM addresses WHERE residential GROUP BY 1) n WHERE n.street_id = s.id`,
      );
      await c.query(`UPDATE municipalities SET addresses_version = addresses_version + 1`);
    })
  )[0];
  setup.incidentsMs = (
    await timed(async () => {
      const total = Math.round(2 * INCIDENTS_PER_YEAR * SCALE);
      const firsts = Math.round(total * 0.3);
      const { rows } = await c.query<{ n: string }>(`SELECT max(id) AS n FROM addresses`);
      await c.query(
        `CREATE TEMP TABLE firsts AS
         SELECT n, a.id AS address_id, a.street_id, a.municipality_id, a.geom,
                $1::timestamptz - random() * interval '730 days' AS t
         FROM (SELECT n, 1 + floor(random() * $2)::bigint AS aid FROM generate_series(1, $3::int) n) r
         JOIN addresses a ON a.id = r.aid`,
        [end, Number(rows[0]!.n), firsts],
      );
      await c.query(
        `INSERT INTO incidents (municipality_id, source, external_id, occurred_from, occurred_to, attempt, modus_operandi, address_id, street_id, geom, location_source)
         SELECT municipality_id, 'bench', 'f' || n, t, t + interval '4 hours', random() < 0.35,
                (ARRAY['cylinder_snapping','door_forced','open_window_door','window_forced'])[1 + floor(random() * 4)::int],
                address_id, street_id, geom, 'address' FROM firsts`,
      );
      // Follow-ups take their parent's street (they lie within 250 m of it).
      await c.query(
        `INSERT INTO incidents (municipality_id, source, external_id, occurred_from, occurred_to, attempt, modus_operandi, street_id, geom, location_source)
         SELECT f.municipality_id, 'bench', 'c' || c.n, tt.at, tt.at + interval '4 hours', c.attempt, 'unknown', f.street_id,
                ST_Translate(f.geom, c.r * cos(c.a), c.r * sin(c.a)), 'coordinates'
         FROM (SELECT n, 1 + floor(random() * $2)::int AS parent, 250 * sqrt(random()) AS r, 2 * pi() * random() AS a,
                      21 * random() AS dt, random() < 0.35 AS attempt FROM generate_series(1, $3::int) n) c
         JOIN firsts f ON f.n = c.parent
         CROSS JOIN LATERAL (SELECT least(f.t + c.dt * interval '1 day', $1::timestamptz - interval '1 hour') AS at) tt`,
        [end, firsts, total - firsts],
      );
    })
  )[0];
  setup.vacuumAnalyzeMs = (await timed(() => c.query('VACUUM ANALYZE')))[0];
  return setup;
}

/** Resident and peak resident memory of a process, in MB (Linux /proc). */
export function memoryOf(pid: number): { rssMb: number; peakRssMb: number } {
  const s = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (k: string) => Number(new RegExp(`${k}:\\s+(\\d+)`).exec(s)?.[1] ?? 0);
  return { rssMb: Math.round(kb('VmRSS') / 1024), peakRssMb: Math.round(kb('VmHWM') / 1024) };
}

export async function startServer(port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--require', 'tsx/cjs', 'server/main.ts'], {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', NODE_ENV: 'production', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error('the server stopped at start-up');
    const ok = await fetch(`http://127.0.0.1:${port}/api/health`).then(
      () => true,
      () => false,
    );
    if (ok) return child;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('the server did not start within 60 s');
}

export function tileOf(lon: number, lat: number, z: number): string {
  const n = 2 ** z;
  const r = (lat * Math.PI) / 180;
  return `${z}/${Math.floor(((lon + 180) / 360) * n)}/${Math.floor(((1 - Math.asinh(Math.tan(r)) / Math.PI) / 2) * n)}`;
}
