/**
 * A national deployment: `npm run bench -- national` (or `npx tsx bench/national.bench.ts`).
 *
 * Builds a synthetic country in a scratch database (dropped afterwards), in SQL with
 * generate_series: 342 municipalities with 10 million residential addresses in all (the four big
 * cities 900k, 700k, 550k and 400k, the other 338 from ~200k down to ~7k), laid out side by side
 * in RD New as grids of 60 m street segments with 5 addresses each (2 million segments, 200,000
 * streets of up to 10 segments), and 25,000 burglaries a year over two years (30 % at random
 * addresses, 70 % follow-ups within 250 m and 21 days of one of them). Then measures, for the
 * largest municipality (900k addresses):
 *   - street activity (90 days) and risk zones (60 days, with address counts), as the officers'
 *     map asks them (in this process);
 *   - the public street figures and a public z14 tile from the real server (a child process,
 *     `node --require tsx/cjs server/main.ts`): the first request (it publishes the 12 months),
 *     then autocannon at 200 concurrent connections (p50/p99, requests/s), and the server's
 *     memory (resident set) after each;
 *   - a 50,000-letter campaign: the selection (preview) and the creation (letters in one
 *     transaction, 1,000 jobs on the queue; the rendering is bench/letters.bench.ts's subject).
 * Writes bench/results/national.json.
 *
 * Sizes: `BENCH_SCALE` (default 1) scales addresses, burglaries and the campaign (0.25 gives
 * 2.5 million addresses); `BENCH_SMOKE=1` is BENCH_SCALE=0.005 (50,000 addresses, still 342
 * municipalities), 20 connections for 2 s, to bench/results/smoke/. `BENCH_CONNECTIONS`,
 * `BENCH_SECONDS` change the load. `--keep` leaves the database (pk_bench_national), `--reuse`
 * measures a kept one again without building it.
 *
 * DATABASE_URL names the server; the country needs ~4 GB of disk at full size. The full-size
 * numbers in docs/readme/operations.md were measured on a PostgreSQL of its own (settings in
 * the results file), not on the shared one the tests use.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import type { Pool, PoolClient } from 'pg';
import { BenchRun } from './bench-run';

const run = new BenchRun('national', ['BENCH_SCALE', 'BENCH_CONNECTIONS', 'BENCH_SECONDS']);
const SCALE = BenchRun.smoke ? 0.005 : Number(process.env.BENCH_SCALE ?? 1);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? (BenchRun.smoke ? 20 : 200));
const SECONDS = Number(process.env.BENCH_SECONDS ?? (BenchRun.smoke ? 2 : 10));
const argv = process.argv.slice(2);
const KEEP = argv.includes('--keep');
const REUSE = argv.includes('--reuse');
const root = path.resolve(__dirname, '..');
const DAY = 86_400_000;
/** Addresses of the four big cities (Amsterdam, Rotterdam, Den Haag, Utrecht) at full size. */
const BIG = [900_000, 700_000, 550_000, 400_000];
const TOTAL = 10_000_000;
const MUNICIPALITIES = 342;
const INCIDENTS_PER_YEAR = 25_000;
const CAMPAIGN_LETTERS = 50_000;
const SEGMENT_M = 60;
const PER_SEGMENT = 5;

const base = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
const dbUrl = new URL(base);
dbUrl.pathname = `/${KEEP || REUSE ? 'pk_bench_national' : run.scratchDatabase()}`;
// Before any module reads config(): this database, a Redis prefix of this run's own.
process.env.DATABASE_URL = dbUrl.toString();
process.env.REDIS_PREFIX = `pk-bench-national-${process.pid}`;
process.env.LOG_LEVEL = process.env.LOG_LEVEL ?? 'warn';

function log(msg: string): void {
  process.stderr.write(`[bench] ${msg}\n`);
}

const mb = (bytes: number) => Math.round(bytes / 2 ** 20);

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

async function timed<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t0 = performance.now();
  const r = await fn();
  return [Math.round(performance.now() - t0), r];
}

/** Builds the country; returns the set-up phases in ms. */
async function build(c: PoolClient, end: Date): Promise<Record<string, number>> {
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
function memoryOf(pid: number): { rssMb: number; peakRssMb: number } {
  const s = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (k: string) => Number(new RegExp(`${k}:\\s+(\\d+)`).exec(s)?.[1] ?? 0);
  return { rssMb: Math.round(kb('VmRSS') / 1024), peakRssMb: Math.round(kb('VmHWM') / 1024) };
}

async function startServer(port: number): Promise<ChildProcess> {
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

async function cannon(port: number, p: string) {
  const r = await autocannon({
    url: `http://127.0.0.1:${port}${p}`,
    // As a browser asks: the server sends the gzipped body it keeps in its cache.
    headers: { 'accept-encoding': 'gzip' },
    connections: CONNECTIONS,
    duration: SECONDS,
  });
  if (r.non2xx > 0 || r.errors > 0) throw new Error(`${p}: ${r.non2xx} non-2xx answers, ${r.errors} errors`);
  return {
    path: p,
    requestsPerSecond: Math.round(r.requests.average),
    latencyMs: { p50: r.latency.p50, p90: r.latency.p90, p99: r.latency.p99, max: r.latency.max },
    requests: r.requests.total,
    bytesPerAnswer: Math.round(r.throughput.total / Math.max(1, r.requests.total)),
    timeouts: r.timeouts,
  };
}

function tileOf(lon: number, lat: number, z: number): string {
  const n = 2 ** z;
  const r = (lat * Math.PI) / 180;
  return `${z}/${Math.floor(((lon + 180) / 360) * n)}/${Math.floor(((1 - Math.asinh(Math.tan(r)) / Math.PI) / 2) * n)}`;
}

async function measure(pool: Pool, end: Date): Promise<Record<string, unknown>> {
  const { streetActivity, riskZones, defaultRiskZoneParams } =
    await import('../server/analysis/analysis.service');
  const { previewCampaign } = await import('../server/campaigns/campaign-preview');
  const { createCampaign } = await import('../server/campaigns/campaign-create');
  const { letterQueue } = await import('../server/letters/letter-queue');
  const { rows: big } = await pool.query<{ id: number; code: string; addresses: number; incidents: number }>(
    `SELECT m.id, m.code, (SELECT count(*)::int FROM addresses a WHERE a.municipality_id = m.id) addresses,
            (SELECT count(*)::int FROM incidents i WHERE i.municipality_id = m.id) incidents
     FROM municipalities m ORDER BY addresses DESC LIMIT 1`,
  );
  const m = big[0]!;
  log(`largest municipality ${m.code}: ${m.addresses} addresses, ${m.incidents} burglaries`);
  const out: Record<string, unknown> = { largest: m };

  const activity: number[] = [];
  let streets = 0;
  for (let i = 0; i < 3; i++) {
    const [ms, r] = await timed(() =>
      streetActivity({ municipalityId: m.id, from: new Date(end.getTime() - 90 * DAY), to: end }, pool),
    );
    activity.push(ms);
    streets = r.features.length;
  }
  log(`street activity 90 d: ${activity.join(', ')} ms (${streets} streets)`);
  out.streetActivity90dMs = {
    runs: activity,
    median: [...activity].sort((a, b) => a - b)[1],
    streets,
    target: 300,
  };

  const zones: number[] = [];
  let zoneCount = 0;
  for (let i = 0; i < 4; i++) {
    const [ms, r] = await timed(() => riskZones(defaultRiskZoneParams(m.id, end), { geometry: false }, pool));
    zones.push(ms);
    zoneCount = r.features.length;
  }
  log(`risk zones 60 d: ${zones.join(', ')} ms (${zoneCount} zones; the first run loads the address index)`);
  out.riskZones60dMs = {
    runs: zones,
    firstRunLoadsAddressIndex: zones[0],
    median: [...zones.slice(1)].sort((a, b) => a - b)[1],
    zones: zoneCount,
    target: 1000,
    benchProcessRssMbAfter: mb(process.memoryUsage().rss),
  };

  // The public side, from the real server.
  const port = await BenchRun.freePort();
  const server = await startServer(port);
  try {
    const baseUrl = `http://127.0.0.1:${port}`;
    const memStart = memoryOf(server.pid!);
    const streetsPath = `/api/public/${m.code}/streets?period=12`;
    const [coldMs, cold] = await timed(() =>
      fetch(baseUrl + streetsPath).then(async (r) => [r.status, (await r.text()).length]),
    );
    const muni = (await (await fetch(`${baseUrl}/api/public/municipalities`)).json()) as {
      municipalities: Array<{ code: string; bbox: [number, number, number, number] }>;
    };
    const bbox = muni.municipalities.find((x) => x.code === m.code)!.bbox;
    const tilePath = `/tiles/public/${m.code}/${tileOf((bbox[0] + bbox[2]) / 2, (bbox[1] + bbox[3]) / 2, 14)}.mvt?period=12`;
    const [tileColdMs, tileCold] = await timed(() =>
      fetch(baseUrl + tilePath).then(async (r) => [r.status, (await r.arrayBuffer()).byteLength]),
    );
    log(
      `first public request (publishes 12 months): ${coldMs} ms ${JSON.stringify(cold)}; first tile ${tileColdMs} ms ${JSON.stringify(tileCold)}`,
    );
    const streetsLoad = await cannon(port, streetsPath);
    const memAfterStreets = memoryOf(server.pid!);
    const tileLoad = await cannon(port, tilePath);
    const memAfterTiles = memoryOf(server.pid!);
    log(`street figures at ${CONNECTIONS} connections: ${JSON.stringify(streetsLoad)}`);
    log(`tile at ${CONNECTIONS} connections: ${JSON.stringify(tileLoad)}`);
    out.public = {
      connections: CONNECTIONS,
      seconds: SECONDS,
      firstStreetsRequest: {
        ms: coldMs,
        status: cold[0],
        bytes: cold[1],
        note: 'publishes the 12 months, then computes',
      },
      firstTileRequest: { ms: tileColdMs, status: tileCold[0], bytes: tileCold[1] },
      streets: streetsLoad,
      tile: tileLoad,
      target: { p99Ms: 200 },
      serverMemory: { atStart: memStart, afterStreets: memAfterStreets, afterTiles: memAfterTiles },
    };
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
  }

  // A 50,000-letter campaign (scaled): the first streets of the largest municipality.
  const want = Math.round(CAMPAIGN_LETTERS * SCALE);
  const { rows: sel } = await pool.query<{ id: string; n: number }>(
    `SELECT id, residential_addresses n FROM streets WHERE municipality_id = $1 ORDER BY id`,
    [m.id],
  );
  const streetIds: number[] = [];
  for (let n = 0, i = 0; n < want && i < sel.length; i++) {
    streetIds.push(Number(sel[i]!.id));
    n += sel[i]!.n;
  }
  const body = {
    municipality: m.code,
    kind: 'evening',
    language: 'nl',
    selection: { streetIds },
    evening: { at: new Date(end.getTime() + 14 * DAY).toISOString(), location: 'Stadhuis' },
  };
  const actor = { userId: null, actor: 'bench', municipalities: 'all' as const };
  const [previewMs, preview] = await timed(() => previewCampaign(body, actor));
  const [createMs, created] = await timed(() => createCampaign(body, actor));
  const jobs = await letterQueue().getJobCounts('waiting', 'delayed', 'active');
  log(
    `campaign of ${preview.letters} letters (${streetIds.length} streets): preview ${previewMs} ms, create ${createMs} ms`,
  );
  out.campaign = {
    streets: streetIds.length,
    letters: created.counts.total,
    previewLetters: preview.letters,
    selectionPreviewMs: previewMs,
    creationMs: createMs,
    jobsQueued: (jobs.waiting ?? 0) + (jobs.delayed ?? 0) + (jobs.active ?? 0),
    note: 'creation = letters in one transaction + audit + jobs on the queue (no worker ran)',
  };
  await letterQueue().obliterate({ force: true });
  return out;
}

async function main(): Promise<void> {
  const { ensureDatabase, dropDatabase, migrate } = await import('../server/core/migrate');
  const { createPool, setPool, closeDb } = await import('../server/core/db');
  const { closeLetterQueue } = await import('../server/letters/letter-queue');
  const { closeRedis } = await import('../server/core/redis');
  const end = new Date();
  if (!REUSE) await dropDatabase(dbUrl.toString());
  await ensureDatabase(dbUrl.toString());
  const pool = createPool(dbUrl.toString(), 4);
  setPool(pool);
  try {
    await migrate(pool);
    let setup: Record<string, number> = {};
    if (!REUSE) {
      const c = await pool.connect();
      try {
        setup = await build(c, end);
      } finally {
        c.release();
      }
      log(`country built: ${JSON.stringify(setup)}`);
    }
    const { rows } = await pool.query<Record<string, number>>(
      `SELECT (SELECT count(*)::int FROM municipalities) municipalities, (SELECT count(*)::int FROM addresses) addresses,
              (SELECT count(*)::int FROM streets) streets, (SELECT count(*)::int FROM street_segments) segments,
              (SELECT count(*)::int FROM incidents) incidents, pg_database_size(current_database())::bigint / 1048576 AS "databaseMb"`,
    );
    const counts = rows[0]!;
    log(`counts: ${JSON.stringify(counts)}`);
    const { rows: settings } = await pool.query<{ name: string; setting: string; unit: string | null }>(
      `SELECT name, setting, unit FROM pg_settings WHERE name IN ('shared_buffers','work_mem','maintenance_work_mem','max_wal_size','jit','fsync','max_parallel_workers_per_gather')`,
    );
    const measured = await measure(pool, end);
    if (!REUSE) setup.totalMs = Object.values(setup).reduce((a, b) => a + b, 0);
    run.write(
      { scale: SCALE, ...counts },
      {
        setupMs: REUSE ? 'not built in this run (--reuse)' : setup,
        postgres: Object.fromEntries(
          settings.map((s) => [s.name, `${s.setting}${s.unit ? ` ${s.unit}` : ''}`]),
        ),
        ...measured,
      },
    );
  } finally {
    await closeLetterQueue();
    await closeRedis();
    await closeDb();
    if (!KEEP) await dropDatabase(dbUrl.toString());
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
