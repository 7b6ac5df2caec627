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
import autocannon from 'autocannon';
import type { Pool } from 'pg';
import { BenchRun } from './bench-run';
import { buildCountry, DAY, log, memoryOf, startServer, tileOf, timed } from './national-country';

const run = new BenchRun('national', ['BENCH_SCALE', 'BENCH_CONNECTIONS', 'BENCH_SECONDS']);
const SCALE = BenchRun.smoke ? 0.005 : Number(process.env.BENCH_SCALE ?? 1);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? (BenchRun.smoke ? 20 : 200));
const SECONDS = Number(process.env.BENCH_SECONDS ?? (BenchRun.smoke ? 2 : 10));
const argv = process.argv.slice(2);
const KEEP = argv.includes('--keep');
const REUSE = argv.includes('--reuse');

const CAMPAIGN_LETTERS = 50_000;

const base = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
const dbUrl = new URL(base);
dbUrl.pathname = `/${KEEP || REUSE ? 'pk_bench_national' : run.scratchDatabase()}`;
// Before any module reads config(): this database, a Redis prefix of this run's own.
process.env.DATABASE_URL = dbUrl.toString();
process.env.REDIS_PREFIX = `pk-bench-national-${process.pid}`;
process.env.LOG_LEVEL = process.env.LOG_LEVEL ?? 'warn';

const mb = (bytes: number) => Math.round(bytes / 2 ** 20);

async function cannon(port: number, p: string) {
  const r = await autocannon({
    url: `http://127.0.0.1:${port}${p}`,
    // As a browser asks: the server sends the gzipped body it keeps in its cache.
    headers: { 'accept-encoding': 'gzip' },
    connections: CONNECTIONS,
    duration: SECONDS,
  });
  // A wrong answer is a broken benchmark; a request that times out (10 s) is a result: recorded.
  if (r.non2xx > 0) throw new Error(`${p}: ${r.non2xx} non-2xx answers`);
  return {
    path: p,
    requestsPerSecond: Math.round(r.requests.average),
    latencyMs: { p50: r.latency.p50, p90: r.latency.p90, p99: r.latency.p99, max: r.latency.max },
    requests: r.requests.total,
    bytesPerAnswer: Math.round(r.throughput.total / Math.max(1, r.requests.total)),
    errors: r.errors,
    timeouts: r.timeouts,
  };
}

async function measure(pool: Pool, end: Date): Promise<Record<string, unknown>> {
  const { streetActivity, riskZones, defaultRiskZoneParams } =
    await import('../server/analysis/analysis.service');
  const { previewCampaign } = await import('../server/campaigns/campaign-preview');
  const { createCampaign } = await import('../server/campaigns/campaign-create');
  const { letterQueue } = await import('../server/letters/letter-queue');
  const { rows: big } = await pool.query<{ id: number; code: string; addresses: number; incidents: number }>(
    `SELECT m.id, m.code, a.addresses, (SELECT count(*)::int FROM incidents i WHERE i.municipality_id = m.id) incidents
     FROM municipalities m
     JOIN (SELECT municipality_id, sum(residential_addresses)::int addresses FROM streets GROUP BY 1) a ON a.municipality_id = m.id
     ORDER BY a.addresses DESC LIMIT 1`,
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
      target: {
        requestsPerSecond: 2000,
        p99Ms: 50,
        note: 'issue 4, set for 20 connections on the demo area',
      },
      serverMemory: { atStart: memStart, afterStreets: memAfterStreets, afterTiles: memAfterTiles },
    };
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
  }

  // A 50,000-letter campaign (scaled): the first streets of the largest municipality.
  const want = Math.round(CAMPAIGN_LETTERS * SCALE);
  // A --reuse run: the campaigns of earlier runs would exclude every address (LETTER_REPEAT_DAYS).
  await pool.query(`DELETE FROM campaigns WHERE created_actor = 'bench'`);
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
  if (created.counts.total < want)
    throw new Error(`the campaign has ${created.counts.total} letters, fewer than the ${want} selected`);
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
        setup = await buildCountry(c, end, SCALE);
      } finally {
        c.release();
      }
      log(`country built: ${JSON.stringify(setup)}`);
      // For a later --reuse run: how long this database took to build.
      await pool.query(`CREATE TABLE bench_setup AS SELECT $1::jsonb AS phases, now() AS built_at`, [setup]);
    } else {
      const kept = await pool
        .query<{ phases: Record<string, number>; built_at: Date }>(`SELECT phases, built_at FROM bench_setup`)
        .catch(() => ({ rows: [] as { phases: Record<string, number>; built_at: Date }[] }));
      if (kept.rows[0]) setup = { ...kept.rows[0].phases, builtAt: kept.rows[0].built_at.getTime() };
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
    setup.totalMs = Object.entries(setup)
      .filter(([k]) => k.endsWith('Ms') && k !== 'totalMs')
      .reduce((a, [, v]) => a + v, 0);
    run.write(
      { scale: SCALE, ...counts },
      {
        setupMs: REUSE
          ? {
              ...setup,
              note: 'built by an earlier run (--keep; builtAt in ms since 1970), measured again with --reuse',
            }
          : setup,
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
