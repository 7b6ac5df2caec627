/**
 * Soak: `npm run bench -- soak` (or `npx tsx bench/soak.bench.ts [--reuse]`). The real server
 * (a child process) under ten minutes of mixed load on the synthetic country of
 * bench/national-country.ts: public street figures (three periods) and areas of four
 * municipalities, public tiles z13-15 around the middle of the largest, the municipality list,
 * and officers' street activity and risk zones (with an API token; each is audited, as in use),
 * at 50 connections. Samples the server's resident memory every 10 s: at the start (after the
 * first minute, once the caches are warm), at the end and the highest, plus latency and errors.
 * Writes bench/results/soak.json.
 *
 * Sizes: a country at BENCH_SCALE (default 0.1: 1 million addresses) in a scratch database, or
 * `--reuse` the one `npx tsx bench/national.bench.ts --keep` left (pk_bench_national, full
 * size). `BENCH_SOAK_SECONDS` (default 600), `BENCH_CONNECTIONS` (default 50). `BENCH_SMOKE=1`:
 * scale 0.005, 6 s, 10 connections, to bench/results/smoke/.
 */
import { randomBytes } from 'node:crypto';
import autocannon from 'autocannon';
import { BenchRun } from './bench-run';
import { buildCountry, log, memoryOf, startServer, tileOf } from './national-country';

const run = new BenchRun('soak', ['BENCH_SCALE', 'BENCH_SOAK_SECONDS', 'BENCH_CONNECTIONS']);
const REUSE = process.argv.includes('--reuse');
const SCALE = BenchRun.smoke ? 0.005 : Number(process.env.BENCH_SCALE ?? 0.1);
const SECONDS = Number(process.env.BENCH_SOAK_SECONDS ?? (BenchRun.smoke ? 6 : 600));
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? (BenchRun.smoke ? 10 : 50));
const SAMPLE_MS = BenchRun.smoke ? 1_000 : 10_000;

const dbUrl = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
dbUrl.pathname = `/${REUSE ? 'pk_bench_national' : run.scratchDatabase()}`;
process.env.DATABASE_URL = dbUrl.toString();
process.env.REDIS_PREFIX = `pk-bench-soak-${process.pid}`;
process.env.LOG_LEVEL = process.env.LOG_LEVEL ?? 'warn';

async function main(): Promise<void> {
  const { ensureDatabase, dropDatabase, migrate } = await import('../server/core/migrate');
  const { createPool, setPool, closeDb } = await import('../server/core/db');
  const { addUser, createApiToken } = await import('../server/auth/auth.service');
  const { closeRedis } = await import('../server/core/redis');
  if (!REUSE) await dropDatabase(dbUrl.toString());
  await ensureDatabase(dbUrl.toString());
  const pool = createPool(dbUrl.toString(), 4);
  setPool(pool);
  try {
    await migrate(pool);
    if (!REUSE) {
      const c = await pool.connect();
      try {
        log(`country built: ${JSON.stringify(await buildCountry(c, new Date(), SCALE))}`);
      } finally {
        c.release();
      }
    }
    const { rows: ms } = await pool.query<{ code: string; addresses: number }>(
      `SELECT m.code, sum(s.residential_addresses)::int AS addresses FROM municipalities m JOIN streets s ON s.municipality_id = m.id
       GROUP BY m.code ORDER BY addresses DESC, m.code`,
    );
    // The largest, two middling ones and the smallest.
    const picks = [
      ms[0]!,
      ms[Math.floor(ms.length / 3)]!,
      ms[Math.floor((2 * ms.length) / 3)]!,
      ms[ms.length - 1]!,
    ];
    const largest = picks[0]!.code;
    const email = `soak-${process.pid}@bench.preventiekaart.nl`;
    await addUser(
      { email, role: 'officer', municipality: largest, password: randomBytes(12).toString('base64url') },
      'bench',
      pool,
    );
    const token = await createApiToken(email, 'soak', 'bench', pool);

    const port = await BenchRun.freePort();
    const server = await startServer(port);
    const samples: { s: number; rssMb: number }[] = [];
    let result: autocannon.Result;
    let urls = 0;
    try {
      const base = `http://127.0.0.1:${port}`;
      const list = (await (await fetch(`${base}/api/public/municipalities`)).json()) as {
        municipalities: Array<{ code: string; bbox: [number, number, number, number] }>;
      };
      const bbox = list.municipalities.find((m) => m.code === largest)!.bbox;
      const [, cx, cy] = tileOf((bbox[0] + bbox[2]) / 2, (bbox[1] + bbox[3]) / 2, 15)
        .split('/')
        .map(Number) as [number, number, number];
      const tiles = [-2, -1, 0, 1, 2].flatMap((dx) => [-1, 0, 1].map((dy) => `15/${cx + dx}/${cy + dy}`));
      tiles.push(tileOf((bbox[0] + bbox[2]) / 2, (bbox[1] + bbox[3]) / 2, 14));
      tiles.push(tileOf((bbox[0] + bbox[2]) / 2, (bbox[1] + bbox[3]) / 2, 13));
      const publicPaths = [
        '/api/public/municipalities',
        ...picks.flatMap((m) => [1, 3, 12].map((p) => `/api/public/${m.code}/streets?period=${p}`)),
        ...picks.map((m) => `/api/public/${m.code}/areas?period=12`),
        ...tiles.map((t) => `/tiles/public/${largest}/${t}.mvt?period=3`),
      ];
      const officer = { authorization: `Bearer ${token}` };
      const requests: autocannon.Request[] = publicPaths.map((p) => ({ method: 'GET', path: p }));
      // About one request in ten is an officer's.
      requests.splice(10, 0, {
        method: 'GET',
        path: `/api/streets/activity?municipality=${largest}`,
        headers: officer,
      });
      requests.splice(25, 0, {
        method: 'GET',
        path: `/api/risk-zones?municipality=${largest}`,
        headers: officer,
      });
      urls = requests.length;
      // Warm-up: each URL once (publishes the months of the four municipalities).
      for (const r of requests) {
        const res = await fetch(base + r.path!, { headers: r.headers as Record<string, string> | undefined });
        if (res.status >= 300 && res.status !== 204) throw new Error(`${r.path}: ${res.status}`);
        await res.arrayBuffer();
      }
      const t0 = Date.now();
      const timer = setInterval(
        () => samples.push({ s: Math.round((Date.now() - t0) / 1000), rssMb: memoryOf(server.pid!).rssMb }),
        SAMPLE_MS,
      );
      samples.push({ s: 0, rssMb: memoryOf(server.pid!).rssMb });
      try {
        result = await autocannon({
          url: base,
          connections: CONNECTIONS,
          duration: SECONDS,
          headers: { 'accept-encoding': 'gzip' },
          requests,
        });
      } finally {
        clearInterval(timer);
      }
      samples.push({ s: SECONDS, rssMb: memoryOf(server.pid!).rssMb });
    } finally {
      server.kill('SIGTERM');
      await new Promise((r) => server.once('exit', r));
    }
    const afterWarm = samples.find((x) => x.s >= Math.min(60, SECONDS / 2)) ?? samples[0]!;
    const end = samples[samples.length - 1]!;
    const summary = {
      requestsPerSecond: Math.round(result.requests.average),
      requests: result.requests.total,
      latencyMs: { p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max },
      non2xx: result.non2xx,
      errors: result.errors,
      timeouts: result.timeouts,
      serverRssMb: {
        atStart: samples[0]!.rssMb,
        afterWarmUp: afterWarm.rssMb,
        atEnd: end.rssMb,
        highest: Math.max(...samples.map((x) => x.rssMb)),
        growthAfterWarmUp: end.rssMb - afterWarm.rssMb,
      },
    };
    log(`soak ${SECONDS} s at ${CONNECTIONS} connections: ${JSON.stringify(summary)}`);
    run.write(
      {
        scale: REUSE ? 'the kept national database' : SCALE,
        seconds: SECONDS,
        connections: CONNECTIONS,
        urls,
      },
      { ...summary, memorySamples: samples },
    );
    // Wrong answers fail the run; requests that timed out (10 s) are a result, recorded above.
    if (result.non2xx > 0) throw new Error('the soak had answers that were not 2xx (see above)');
  } finally {
    await closeRedis();
    await closeDb();
    if (!REUSE) await dropDatabase(dbUrl.toString());
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
