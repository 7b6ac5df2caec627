/**
 * Public map throughput: autocannon against the street figures endpoint and the vector tiles
 * (public street tiles + base map) of the demo area, server and load generator on this machine.
 * Target (issue 4): >= 2,000 requests/s with p99 < 50 ms.
 *
 *   npm run bench -- public                  -> bench/results/public.json (needs the built client: npm run build)
 *   BENCH_SMOKE=1 npm run bench -- public    -> bench/results/smoke/public.json (2 s a run instead of 10)
 *
 * Builds its own database, dropped afterwards (migrated, Delft demo area, 600 synthetic
 * burglaries), starts the real server (`tsx server/main.ts`) as a child process on a free port,
 * warms the caches with one pass over every URL (timed: the cold numbers), then runs autocannon.
 */
import { spawn } from 'node:child_process';
import zlib from 'node:zlib';
import fs from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import { BenchRun } from './bench-run';

const run = new BenchRun('public', ['BENCH_SECONDS', 'BENCH_CONNECTIONS', 'BENCH_PORT']);
const BASE = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const dbUrl = new URL(BASE);
dbUrl.pathname = `/${run.scratchDatabase()}`;
const DURATION = Number(process.env.BENCH_SECONDS ?? (BenchRun.smoke ? 2 : 10));
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const INCIDENTS = 600;
let PORT = 0;
const root = path.resolve(__dirname, '..');

function tileOf(lon: number, lat: number, z: number): [number, number] {
  const n = 2 ** z;
  const r = (lat * Math.PI) / 180;
  return [
    Math.floor(((lon + 180) / 360) * n),
    Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n),
  ];
}

/** Every tile of the demo area's extent at z13-16. */
function demoTiles(bbox: [number, number, number, number]): string[] {
  const out: string[] = [];
  for (const z of [13, 14, 15, 16]) {
    const [x0, y0] = tileOf(bbox[0], bbox[3], z);
    const [x1, y1] = tileOf(bbox[2], bbox[1], z);
    for (let x = x0; x <= x1; x++) for (let y = y0; y <= y1; y++) out.push(`${z}/${x}/${y}`);
  }
  return out;
}

async function prepare(): Promise<void> {
  process.env.DATABASE_URL = dbUrl.toString();
  process.env.LOG_LEVEL = 'warn';
  const { ensureDatabase, migrate } = await import('../server/core/migrate');
  const { createPool } = await import('../server/core/db');
  const { loadDemoArea } = await import('../server/setup/demo');
  const { insertSyntheticIncidents } = await import('../tests/helpers/synthetic-incidents');
  await ensureDatabase(dbUrl.toString());
  const pool = createPool(dbUrl.toString(), 4);
  try {
    await migrate(pool);
    await loadDemoArea(pool, { incidents: false, quiet: true });
    await pool.query(`DELETE FROM incidents WHERE source = 'demo'`);
    await insertSyntheticIncidents(pool, { municipalityCode: 'GM0503', count: INCIDENTS, seed: 2024 });
  } finally {
    await pool.end();
  }
}

async function startServer(): Promise<() => void> {
  const child = spawn(path.join(root, 'node_modules', '.bin', 'tsx'), ['server/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: dbUrl.toString(),
      PORT: String(PORT),
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${PORT}/api/public/municipalities`)).ok)
        return () => child.kill('SIGTERM');
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill('SIGTERM');
  throw new Error('server did not start');
}

interface Run {
  name: string;
  urls: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}

async function cannon(name: string, paths: string[]): Promise<Run> {
  const r = await autocannon({
    url: `http://127.0.0.1:${PORT}`,
    connections: CONNECTIONS,
    duration: DURATION,
    requests: paths.map((p) => ({ method: 'GET', path: p })),
  });
  // 204 (empty tile) is a success, but autocannon counts only 2xx as 2xx: it is.
  return {
    name,
    urls: paths.length,
    requestsPerSecond: Math.round(r.requests.average),
    latencyMs: { p50: r.latency.p50, p90: r.latency.p90, p99: r.latency.p99, max: r.latency.max },
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
  };
}

async function main(): Promise<void> {
  if (!fs.existsSync(path.join(root, 'dist', 'index.html')))
    throw new Error('no built client in dist/; run npm run build first (npm run bench -- public does)');
  PORT = Number(process.env.BENCH_PORT ?? (await BenchRun.freePort()));
  const t0 = Date.now();
  let stop = (): void => undefined;
  try {
    await prepare();
    const prepareMs = Date.now() - t0;
    stop = await startServer();
    const base = `http://127.0.0.1:${PORT}`;
    const m = (await (await fetch(`${base}/api/public/municipalities`)).json()) as {
      municipalities: Array<{ bbox: [number, number, number, number] }>;
    };
    const tiles = demoTiles(m.municipalities[0]!.bbox);
    const streetPaths = ['/api/public/GM0503/streets?period=3&attempt=all'];
    const tilePaths = tiles.flatMap((t) => [
      `/tiles/public/GM0503/${t}.mvt?period=3&attempt=all`,
      `/tiles/basemap/${t}.mvt`,
    ]);

    // Cold pass: every URL once, sequentially (what the first resident after a cache expiry waits).
    const cold: number[] = [];
    for (const p of [...streetPaths, ...tilePaths]) {
      const s = performance.now();
      await (await fetch(base + p)).arrayBuffer();
      cold.push(performance.now() - s);
    }
    cold.sort((a, b) => a - b);

    const streets = await cannon('street figures (GET /api/public/GM0503/streets)', streetPaths);
    const tileRun = await cannon(`tiles (public + basemap, z13-16, ${tiles.length} tiles each)`, tilePaths);
    const firstLoad = await firstLoadJavaScript(base);
    // Wrong answers are a broken benchmark, whatever the speed.
    for (const r of [streets, tileRun])
      if (r.non2xx > 0)
        throw new Error(`${r.name}: ${r.non2xx} answers were not 2xx; the server's log is above`);
    const sizes = {
      demoArea: 'Delft (GM0503)',
      syntheticIncidents: INCIDENTS,
      connections: CONNECTIONS,
      durationSeconds: DURATION,
      streetUrls: streetPaths.length,
      tileUrls: tilePaths.length,
    };
    const result = run.write(sizes, {
      setup: { prepareMs, note: 'server (tsx, one process) and autocannon on the same machine' },
      coldPass: {
        requests: cold.length,
        p50Ms: Math.round(cold[Math.floor(cold.length / 2)]! * 10) / 10,
        maxMs: Math.round(cold[cold.length - 1]! * 10) / 10,
      },
      runs: [streets, tileRun],
      firstLoadJavaScript: firstLoad,
      target: { requestsPerSecond: 2000, p99Ms: 50, firstLoadJavaScriptGzipKb: 1024 },
    });
    console.log(JSON.stringify(result, null, 2));
  } finally {
    stop();
    // The scratch database goes when the run is over, as in the other benchmarks.
    const { dropDatabase } = await import('../server/core/migrate');
    await dropDatabase(dbUrl.toString());
  }
}

/**
 * JavaScript a resident's browser downloads on the first visit, as this server sends it with
 * `Accept-Encoding: gzip`: the page's scripts and module preloads, and the map's web worker
 * (whose URL is inside the main bundle). Needs the built client (dist/).
 */
async function firstLoadJavaScript(
  base: string,
): Promise<{ files: { path: string; gzipKb: number }[]; totalGzipKb: number }> {
  const html = await (await fetch(`${base}/`)).text();
  const paths = new Set([...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.m?js)"/g)].map((m) => m[1]!));
  for (const p of [...paths]) {
    const js = await (await fetch(base + p)).text();
    for (const m of js.matchAll(/assets\/(maplibre-gl-worker-[\w-]+\.m?js)/g)) paths.add(`/assets/${m[1]}`);
  }
  const files: { path: string; gzipKb: number }[] = [];
  for (const p of paths) {
    const r = await fetch(base + p, { headers: { 'accept-encoding': 'gzip' } });
    // fetch decompresses; the size on the wire is the gzip of the body at the server's level.
    const body = Buffer.from(await r.arrayBuffer());
    const wire =
      r.headers.get('content-encoding') === 'gzip' ? zlib.gzipSync(body, { level: 6 }).length : body.length;
    files.push({ path: p, gzipKb: Math.round(wire / 102.4) / 10 });
  }
  return { files, totalGzipKb: Math.round(files.reduce((a, f) => a + f.gzipKb, 0) * 10) / 10 };
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
