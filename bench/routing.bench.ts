/**
 * Walking-route benchmark (issue 11): `npm run bench -- routing` (or `npx tsx bench/routing.bench.ts`).
 *
 * In a scratch database (dropped afterwards): the Delft demo area as import-osm loads it, and a
 * synthetic municipality whose walking network is a grid of 159 x 159 lines 50 m apart, cut at
 * every crossing: 50,244 segments of 50 m, streets of 10 segments (500 m). Times the route over
 * 30 streets (pgr_dijkstraCostMatrix + pgr_TSP + pgr_dijkstra, as POST /api/inspections/:id/route
 * runs it, without HTTP) on both: 5 runs each, median. Target: under 2 s for both.
 * Writes bench/results/routing.json.
 *
 * `BENCH_SMOKE=1`: a grid of 40 x 40 lines (3,120 segments), to bench/results/smoke/.
 */
import type { Pool } from 'pg';
import { config } from '../server/core/config';
import { createPool, withTransaction } from '../server/core/db';
import { dropDatabase, ensureDatabase, migrate } from '../server/core/migrate';
import { rebuildWalkNetwork } from '../server/routing/walk-network.repo';
import { walkRoute } from '../server/routing/walk-route';
import { loadDemoArea } from '../server/setup/demo';
import { BenchRun } from './bench-run';

const run = new BenchRun('routing');
const LINES = BenchRun.smoke ? 40 : 159;
const SPACING_M = 50;
const SEGMENTS_PER_STREET = 10;
const STREETS_IN_ROUTE = 30;
const RUNS = 5;

async function median(
  fn: () => Promise<{ lengthM: number }>,
): Promise<{ ms: number[]; medianMs: number; lengthM: number }> {
  const ms: number[] = [];
  let lengthM = 0;
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    lengthM = (await fn()).lengthM;
    ms.push(Math.round(performance.now() - t0));
  }
  const sorted = [...ms].sort((a, b) => a - b);
  return { ms, medianMs: sorted[Math.floor(RUNS / 2)]!, lengthM };
}

/** The grid: LINES east-west and LINES north-south lines in RD New, one way per 50 m segment. */
async function buildGrid(pool: Pool): Promise<{ id: number; segments: number; streets: number }> {
  const { rows } = await pool.query<{ id: number }>(
    `INSERT INTO municipalities (code, name) VALUES ('BENCH', 'Benchdorp') RETURNING id`,
  );
  const id = rows[0]!.id;
  // Segment k of line l in direction d (0: west-east, 1: south-north), from grid point k to k + 1.
  await pool.query(
    `CREATE TEMP TABLE grid AS
     SELECT d, l, k, 'Straat ' || d || '-' || l || '-' || (k / $3) AS street, 'g' || d || '-' || l || '-' || k AS key,
            CASE WHEN d = 0
              THEN ST_SetSRID(ST_MakeLine(ST_MakePoint(80000 + k * $2, 440000 + l * $2), ST_MakePoint(80000 + (k + 1) * $2, 440000 + l * $2)), 28992)
              ELSE ST_SetSRID(ST_MakeLine(ST_MakePoint(80000 + l * $2, 440000 + k * $2), ST_MakePoint(80000 + l * $2, 440000 + (k + 1) * $2)), 28992)
            END AS geom
     FROM generate_series(0, 1) d, generate_series(0, $1::int - 1) l, generate_series(0, $1::int - 2) k`,
    [LINES, SPACING_M, SEGMENTS_PER_STREET],
  );
  await pool.query(
    `INSERT INTO streets (municipality_id, name, place) SELECT DISTINCT $1::int, street, 'Benchdorp' FROM grid`,
    [id],
  );
  await pool.query(
    `INSERT INTO street_segments (street_id, source, source_key, highway, geom)
     SELECT s.id, 'osm', g.key, 'residential', g.geom FROM grid g JOIN streets s ON s.municipality_id = $1 AND s.name = g.street`,
    [id],
  );
  await pool.query(
    `UPDATE streets s SET geom = x.geom FROM (SELECT street_id, ST_Multi(ST_LineMerge(ST_Collect(geom))) geom FROM street_segments GROUP BY 1) x
     WHERE x.street_id = s.id AND s.municipality_id = $1`,
    [id],
  );
  await pool.query(
    `INSERT INTO walk_ways (municipality_id, source_key, name, highway, geom)
     SELECT $1, key, street, 'residential', geom FROM grid`,
    [id],
  );
  await rebuildWalkNetwork(pool, id);
  await pool.query('VACUUM ANALYZE');
  const { rows: n } = await pool.query<{ segments: number; streets: number }>(
    `SELECT (SELECT count(*) FROM walk_edges WHERE municipality_id = $1)::int AS segments,
            (SELECT count(*) FROM streets WHERE municipality_id = $1)::int AS streets`,
    [id],
  );
  return { id, ...n[0]! };
}

/** 30 streets spread over the municipality (a fixed, seeded pick), and a start at its centre. */
async function pick(pool: Pool, municipalityId: number, connectedOnly: boolean) {
  await pool.query(`SELECT setseed(0.11)`);
  const { rows } = await pool.query<{ id: number }>(
    `WITH comp AS (SELECT node, component FROM pgr_connectedComponents(
                     format('SELECT id, source, target, cost, reverse_cost FROM walk_edges WHERE municipality_id = %s', $1::int))),
          big AS (SELECT component FROM comp GROUP BY component ORDER BY count(*) DESC LIMIT 1),
          ok AS (SELECT e.street_id FROM walk_edges e JOIN comp c ON c.node = e.source
                 WHERE e.municipality_id = $1 AND e.street_id IS NOT NULL
                 GROUP BY e.street_id HAVING NOT $3 OR bool_and(c.component = (SELECT component FROM big)))
     SELECT street_id::int AS id FROM ok ORDER BY random() LIMIT $2`,
    [municipalityId, STREETS_IN_ROUTE, connectedOnly],
  );
  const { rows: c } = await pool.query<{ lon: number; lat: number }>(
    `SELECT ST_X(p) AS lon, ST_Y(p) AS lat FROM (
       SELECT ST_Transform(ST_Centroid(ST_Collect(geom)), 4326) AS p FROM streets WHERE id = ANY ($1::bigint[])) x`,
    [rows.map((r) => r.id)],
  );
  return { streetIds: rows.map((r) => r.id), start: c[0]! };
}

async function main(): Promise<void> {
  const url = new URL(config().DATABASE_URL);
  url.pathname = `/${run.scratchDatabase()}`;
  await ensureDatabase(url.toString());
  const pool = createPool(url.toString(), 4);
  try {
    await migrate(pool);
    const t0 = performance.now();
    const { municipalityId: delft } = await loadDemoArea(pool, { incidents: false, quiet: true });
    const demoLoadS = Math.round((performance.now() - t0) / 100) / 10;
    const t1 = performance.now();
    const grid = await buildGrid(pool);
    const gridBuildS = Math.round((performance.now() - t1) / 100) / 10;

    const route = (municipalityId: number, p: Awaited<ReturnType<typeof pick>>) => () =>
      withTransaction((c) => walkRoute(c, { municipalityId, ...p, walkKmh: 4, minutesPerStreet: 5 }), pool);
    const demoPick = await pick(pool, delft, true);
    const demo = await median(route(delft, demoPick));
    const gridPick = await pick(pool, grid.id, false);
    const synthetic = await median(route(grid.id, gridPick));
    const { rows: demoSize } = await pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM walk_edges WHERE municipality_id = $1`,
      [delft],
    );
    const result = run.write(
      {
        demoEdges: demoSize[0]!.n,
        syntheticSegments: grid.segments,
        syntheticStreets: grid.streets,
        streetsInRoute: STREETS_IN_ROUTE,
        runs: RUNS,
      },
      {
        targetMs: 2000,
        setup: { demoLoadS, gridBuildS },
        demo: { streets: demoPick.streetIds.length, ...demo },
        synthetic: { streets: gridPick.streetIds.length, ...synthetic },
      },
    );
    process.stdout.write(`${JSON.stringify({ demo: result.demo, synthetic: result.synthetic })}\n`);
  } finally {
    await pool.end();
    await dropDatabase(url.toString());
  }
}

main().catch((err) => {
  process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
