/**
 * Incident analysis benchmark: `npm run bench -- incidents` (or `npx tsx bench/incidents.bench.ts`).
 *
 * Builds a generated region in a scratch database (dropped after each run): 20 x 20 km
 * inside the Netherlands (RD New), a grid of 5,000 streets made of 50,000 street segments of
 * 100 m, 1,000,000 residential addresses (10 on each side of every segment) and 100,000
 * clumped incidents over 365 days (30,000 "first" burglaries at random addresses and times,
 * 70,000 follow-ups within 250 m and 21 days of one of them). Then times, as the app runs them:
 * street activity (90 days), near-repeat clustering of all 100,000 incidents (200 m / 14 days),
 * risk zones for the last 60 days with address counts, and a 100,000-row nl-csv import; and
 * Turf's clustersDbscan on the same points (5k, 20k and all 100k: it is O(n^2), minutes).
 * Writes bench/results/incidents.json.
 *
 * `BENCH_SMOKE=1`: the same region at 4 x 4 km with the same densities (200 streets, 2,000
 * segments, 40,000 addresses, 4,000 incidents, a 2,000-row import), to bench/results/smoke/.
 *
 * Flags for working on one part: `--keep` leaves the scratch database, `--reuse` uses a kept
 * one (both use the database pk_bench_incidents), `--only zones,import` runs only those parts (activity, clusters, zones, dbscan, turf,
 * import); a partial run prints its numbers but does not write the results file.
 */
import { clustersDbscan, featureCollection, point } from '@turf/turf';
import { config } from '../server/core/config';
import { createPool } from '../server/core/db';
import { dropDatabase, ensureDatabase, migrate } from '../server/core/migrate';
import { sql } from '../server/core/sql';
import { importIncidents } from '../server/incidents/incident-import.service';
import {
  defaultRiskZoneParams,
  nearRepeatClusters,
  riskZones,
  streetActivity,
} from '../server/analysis/analysis.service';
import type { Pool } from 'pg';
import { BenchRun } from './bench-run';

const DAY = 86_400_000;
const END = new Date('2026-01-01T00:00:00Z');
const START = new Date(END.getTime() - 365 * DAY);

const run = new BenchRun('incidents');
/**
 * The region: a square of `regionM` metres with grid streets 160 m apart, cut into segments of
 * 100 m (10 to a street), 20 addresses a segment, `incidents` burglaries (30 % first ones, 70 %
 * follow-ups) and an nl-csv import of `importRows` rows. The smoke size keeps the densities.
 */
const SIZE = BenchRun.smoke
  ? { regionM: 4_000, incidents: 4_000, importRows: 2_000 }
  : { regionM: 20_000, incidents: 100_000, importRows: 100_000 };
const LINES = SIZE.regionM / 160; // per direction
const SEGMENTS_PER_LINE = SIZE.regionM / 100;
const STREETS_PER_LINE = SEGMENTS_PER_LINE / 10;
const STREETS = 2 * LINES * STREETS_PER_LINE;
const ADDRESSES = 2 * LINES * SEGMENTS_PER_LINE * 20;
const FIRSTS = Math.round(SIZE.incidents * 0.3);
const FOLLOW_UPS = SIZE.incidents - FIRSTS;

async function time<T>(
  runs: number,
  fn: () => Promise<T>,
): Promise<{ ms: number[]; median: number; result: T }> {
  const ms: number[] = [];
  let result!: T;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    result = await fn();
    ms.push(Math.round(performance.now() - t0));
  }
  const sorted = [...ms].sort((a, b) => a - b);
  return { ms, median: sorted[Math.floor(sorted.length / 2)]!, result };
}

function log(msg: string): void {
  process.stderr.write(`[bench] ${msg}\n`);
}

const argv = process.argv.slice(2);
const KEEP = argv.includes('--keep');
const REUSE = argv.includes('--reuse');
const ONLY = argv.includes('--only') ? argv[argv.indexOf('--only') + 1]!.split(',') : null;
const runs = (part: string): boolean => ONLY === null || ONLY.includes(part);

async function main(): Promise<void> {
  const url = new URL(config().DATABASE_URL);
  // --keep / --reuse need a known name; otherwise a name of this run's own (CI runs may overlap).
  url.pathname = `/${KEEP || REUSE ? 'pk_bench_incidents' : run.scratchDatabase()}`;
  if (!REUSE) await dropDatabase(url.toString());
  await ensureDatabase(url.toString());
  const pool = createPool(url.toString(), 4);
  const setup: Record<string, number> = {};
  try {
    await migrate(pool);
    const existing = (await pool.query<{ id: number }>(`SELECT id FROM municipalities WHERE code = 'BENCH'`))
      .rows[0];
    await pool.query(`DELETE FROM incidents WHERE source = 'nl-csv'`);
    const mid = existing ? existing.id : await buildRegion(pool, setup);
    await measure(pool, mid, setup);
  } finally {
    await pool.end();
    if (!KEEP) await dropDatabase(url.toString());
  }
}

async function buildRegion(pool: Pool, setup: Record<string, number>): Promise<number> {
  {
    let t0 = performance.now();
    const { rows: m } = await pool.query<{ id: number }>(
      `INSERT INTO municipalities (code, name) VALUES ('BENCH', 'Benchmark') RETURNING id`,
    );
    const mid = m[0]!.id;
    await pool.query(`SELECT setseed(0.42)`);
    // Grid lines (full size: 125 horizontal, 125 vertical, 160 m apart), each cut into streets of 1 km = 10 segments.
    await pool.query(
      `INSERT INTO streets (id, municipality_id, name, place)
       SELECT s, $1, 'Straat ' || s, 'Benchdorp' FROM generate_series(1, $2::int) s`,
      [mid, STREETS],
    );
    await pool.query(
      `INSERT INTO street_segments (street_id, source, source_key, highway, geom)
       SELECT 1 + (line * $3 + seg / 10), 'bench', line || '-' || seg, 'residential',
              CASE WHEN line < $1
                THEN ST_SetSRID(ST_MakeLine(ST_MakePoint(100000 + seg * 100, 400000 + line * 160), ST_MakePoint(100100 + seg * 100, 400000 + line * 160)), 28992)
                ELSE ST_SetSRID(ST_MakeLine(ST_MakePoint(100000 + (line - $1) * 160, 400000 + seg * 100), ST_MakePoint(100000 + (line - $1) * 160, 400100 + seg * 100)), 28992)
              END
       FROM generate_series(0, 2 * $1::int - 1) line, generate_series(0, $2::int - 1) seg`,
      [LINES, SEGMENTS_PER_LINE, STREETS_PER_LINE],
    );
    await pool.query(`SELECT setval('streets_id_seq', $1)`, [STREETS]);
    await pool.query(
      `UPDATE streets s SET geom = g.geom FROM (SELECT street_id, ST_Multi(ST_LineMerge(ST_Collect(geom))) geom FROM street_segments GROUP BY 1) g WHERE g.street_id = s.id`,
    );
    setup.streetsMs = Math.round(performance.now() - t0);
    t0 = performance.now();
    // 20 addresses per segment: 10 per side, 10 m from the centre line.
    await pool.query(
      `INSERT INTO addresses (municipality_id, street_id, source, source_key, street_name, huisnummer, postcode, place, residential, geom)
       SELECT $1, ss.street_id, 'bench', ss.id || '-' || k, 'Straat ' || ss.street_id, 1 + k + 20 * ((ss.id - 1) % 10), '1234AB', 'Benchdorp', true,
              ST_Translate(ST_LineInterpolatePoint(ss.geom, (k / 2 + 0.5) / 10.0),
                CASE WHEN ST_Y(ST_StartPoint(ss.geom)) = ST_Y(ST_EndPoint(ss.geom)) THEN 0 ELSE (k % 2 * 2 - 1) * 10 END,
                CASE WHEN ST_Y(ST_StartPoint(ss.geom)) = ST_Y(ST_EndPoint(ss.geom)) THEN (k % 2 * 2 - 1) * 10 ELSE 0 END)
       FROM street_segments ss, generate_series(0, 19) k`,
      [mid],
    );
    setup.addressesMs = Math.round(performance.now() - t0);
    t0 = performance.now();
    // First burglaries (full size 30,000) at random addresses, follow-ups (70,000) near one of them.
    await pool.query(
      `CREATE TEMP TABLE firsts AS
       SELECT n, a.id AS address_id, a.street_id, a.geom, $1::timestamptz + random() * interval '365 days' AS t
       FROM (SELECT n, 1 + floor(random() * $2)::int AS aid FROM generate_series(1, $3::int) n) r
       JOIN addresses a ON a.id = r.aid`,
      [START, ADDRESSES, FIRSTS],
    );
    await pool.query(
      `INSERT INTO incidents (municipality_id, source, external_id, occurred_from, occurred_to, attempt, modus_operandi, address_id, street_id, geom, location_source)
       SELECT $1, 'bench', 'f' || n, t, t + interval '4 hours', random() < 0.35, 'unknown', address_id, street_id, geom, 'address' FROM firsts`,
      [mid],
    );
    await pool.query(
      `INSERT INTO incidents (municipality_id, source, external_id, occurred_from, occurred_to, attempt, modus_operandi, geom, location_source)
       SELECT $1, 'bench', 'c' || n, t, t + interval '4 hours', attempt, 'unknown', geom, 'coordinates'
       FROM (SELECT c.n, least(f.t + c.dt * interval '1 day', $2::timestamptz - interval '1 hour') AS t, c.attempt,
                    ST_Translate(f.geom, c.r * cos(c.a), c.r * sin(c.a)) AS geom
             FROM (SELECT n, 1 + floor(random() * $3)::int AS parent, 250 * sqrt(random()) AS r, 2 * pi() * random() AS a,
                          21 * random() AS dt, random() < 0.35 AS attempt
                   FROM generate_series(1, $4::int) n) c
             JOIN firsts f ON f.n = c.parent) x`,
      [mid, END, FIRSTS, FOLLOW_UPS],
    );
    setup.incidentsMs = Math.round(performance.now() - t0);
    t0 = performance.now();
    const ids = (
      await pool.query<{ id: string }>(`SELECT id FROM incidents WHERE street_id IS NULL`)
    ).rows.map((r) => r.id);
    await pool.query(sql('incidents/snap-to-streets'), [mid, ids, config().STREET_SNAP_DISTANCE_M]);
    setup.snapFollowUpsMs = Math.round(performance.now() - t0);
    await pool.query('VACUUM ANALYZE');
    log(`region built: ${JSON.stringify(setup)}`);
    return mid;
  }
}

async function measure(pool: Pool, mid: number, setup: Record<string, number>): Promise<void> {
  const counts = (
    await pool.query<
      Record<'addresses' | 'segments' | 'streets' | 'incidents' | 'snapped', number>
    >(`SELECT (SELECT count(*) FROM addresses)::int addresses, (SELECT count(*) FROM street_segments)::int segments,
    (SELECT count(*) FROM streets)::int streets, (SELECT count(*) FROM incidents)::int incidents,
    (SELECT count(*) FROM incidents WHERE street_id IS NOT NULL)::int snapped`)
  ).rows[0]!;
  log(`counts: ${JSON.stringify(counts)}`);
  const results: Record<string, unknown> = {};
  let clustersMedian = 0,
    dbscanMedian = 0;

  if (runs('activity')) {
    const activity = await time(3, () =>
      streetActivity({ municipalityId: mid, from: new Date(END.getTime() - 90 * DAY), to: END }, pool),
    );
    log(`street activity 90 d: ${activity.ms.join(', ')} ms (${activity.result.features.length} streets)`);
    results.streetActivity90dMs = {
      median: activity.median,
      runs: activity.ms,
      target: 300,
      streets: activity.result.features.length,
    };
  }
  if (runs('clusters')) {
    const clusters = await time(3, () =>
      nearRepeatClusters(
        {
          municipalityId: mid,
          from: START,
          to: END,
          distanceM: 200,
          days: 14,
          minSize: 2,
        },
        pool,
      ),
    );
    const clustered = clusters.result.reduce((n, c) => n + c.size, 0);
    const largest = Math.max(...clusters.result.map((c) => c.size));
    log(
      `clusters of all ${counts.incidents}: ${clusters.ms.join(', ')} ms (${clusters.result.length} clusters, ${clustered} incidents in them, largest ${largest})`,
    );
    clustersMedian = clusters.median;
    results.clustersAllIncidentsMs = {
      median: clusters.median,
      runs: clusters.ms,
      target: 3000,
      clusters: clusters.result.length,
      incidentsInClusters: clustered,
      largest,
      method:
        'space-time graph (200 m AND 14 d): points from PostGIS, grid pair search + union-find in TypeScript, hulls/streets in PostGIS',
    };
  }
  if (runs('zones')) {
    const params = defaultRiskZoneParams(mid, END);
    // The first call also loads the in-memory address index (all addresses of the region).
    const zones = await time(4, () => riskZones(params, { geometry: false }, pool));
    const zoneAddresses = zones.result.features.reduce((n, f) => n + f.properties.addresses, 0);
    log(
      `risk zones 60 d with address counts: ${zones.ms.join(', ')} ms (${zones.result.features.length} zones, ${zoneAddresses} address-in-zone counts)`,
    );
    const shaped = await time(3, () => riskZones(params, {}, pool));
    const bytes = JSON.stringify(shaped.result).length;
    log(
      `risk zones 60 d with counts and shapes: ${shaped.ms.join(', ')} ms (${(bytes / 1e6).toFixed(1)} MB of GeoJSON)`,
    );
    const warm = [...zones.ms.slice(1)].sort((a, b) => a - b);
    results.riskZones60dMs = {
      median: warm[1],
      runs: zones.ms,
      firstRunLoadsAddressIndex: zones.ms[0],
      target: 1000,
      zones: zones.result.features.length,
      addressInZoneCounts: zoneAddresses,
      withShapes: { median: shaped.median, runs: shaped.ms, geojsonBytes: bytes },
    };
  }
  if (runs('dbscan')) {
    const dbscan = await time(
      3,
      async () =>
        (
          await pool.query(
            `SELECT count(DISTINCT c) FROM (SELECT ST_ClusterDBSCAN(geom, 200, 2) OVER () c FROM incidents WHERE geom IS NOT NULL) x`,
          )
        ).rows[0],
    );
    log(`ST_ClusterDBSCAN (space only) all incidents: ${dbscan.ms.join(', ')} ms`);
    dbscanMedian = dbscan.median;
    results.stClusterDbscanSpaceOnlyMs = { median: dbscan.median, runs: dbscan.ms };
  }
  if (runs('turf')) {
    // Turf on the same points (WGS 84): clustersDbscan is O(n^2) (Turfjs/turf#2817), so the
    // full 100k run takes minutes; the subsamples (5k and 20k at full size) show the growth.
    const { rows: pts } = await pool.query<{ lon: number; lat: number }>(
      `SELECT ST_X(g) lon, ST_Y(g) lat FROM (SELECT ST_Transform(geom, 4326) g FROM incidents WHERE geom IS NOT NULL ORDER BY id) x`,
    );
    const turf: { n: number; ms: number; clusters: number }[] = [];
    for (const n of [pts.length / 20, pts.length / 5, pts.length].map(Math.round)) {
      const step = pts.length / n;
      const fc = featureCollection(
        Array.from({ length: n }, (_, i) =>
          point([pts[Math.floor(i * step)]!.lon, pts[Math.floor(i * step)]!.lat]),
        ),
      );
      const t1 = performance.now();
      const out = clustersDbscan(fc, 0.2, { units: 'kilometers', minPoints: 2 });
      const ms = Math.round(performance.now() - t1);
      const clusters = new Set(out.features.map((f) => f.properties.cluster).filter((c) => c !== undefined))
        .size;
      turf.push({ n, ms, clusters });
      log(`turf clustersDbscan ${n}: ${ms} ms, ${clusters} clusters`);
    }
    const full = turf.at(-1)!;
    const ratios = {
      ratioToOurSpaceTimeClustering: clustersMedian ? Math.round(full.ms / clustersMedian) : null,
      ratioToStClusterDbscan: dbscanMedian ? Math.round(full.ms / dbscanMedian) : null,
    };
    results.turfClustersDbscan = {
      measured: turf,
      note: 'same points as the PostGIS runs (space only, eps 200 m, minPoints 2), one run each',
      ...ratios,
    };
    log(
      `turf / our clustering: ${ratios.ratioToOurSpaceTimeClustering}x, turf / ST_ClusterDBSCAN: ${ratios.ratioToStClusterDbscan}x`,
    );
  }
  if (runs('import')) {
    // nl-csv import (100,000 rows at full size, RD coordinates inside the region), into the same database.
    const rows = ['registratienummer;pleegdatum van;pleegdatum tot;x;y;poging;modus operandi'];
    for (let i = 0; i < SIZE.importRows; i++) {
      const d = new Date(START.getTime() + ((i * 7919) % 365) * DAY + (i % 24) * 3600_000);
      const iso = d.toISOString().slice(0, 16).replace('T', ' ');
      rows.push(
        `BENCH-${i};${iso};${iso};${(100000 + ((i * 104729) % SIZE.regionM) + 0.5).toFixed(2).replace('.', ',')};${(400000 + ((i * 15485863) % SIZE.regionM)).toFixed(2).replace('.', ',')};${i % 3 === 0 ? 'ja' : 'nee'};${i % 2 ? 'Cilinder afgebroken' : 'Raam geforceerd'}`,
      );
    }
    const csv = Buffer.from(rows.join('\r\n'));
    const phases: Record<string, number> = {};
    const opts = {
      fileName: 'bench.csv',
      municipality: { id: mid, code: 'BENCH', name: 'Benchmark' },
      skipInvalid: false,
      actor: 'bench',
      onPhase: (phase: string, ms: number) => (phases[phase] = Math.round((phases[phase] ?? 0) + ms)),
    };
    const t2 = performance.now();
    const summary = await importIncidents(csv, opts, pool);
    const importMs = Math.round(performance.now() - t2);
    const firstPhases = { ...phases };
    for (const k of Object.keys(phases)) delete phases[k];
    log(`import phases: ${JSON.stringify(firstPhases)}`);
    log(
      `import ${SIZE.importRows} rows (${(csv.length / 1e6).toFixed(1)} MB): ${importMs} ms: imported ${summary.imported}, rejected ${summary.rejected}`,
    );
    const t3 = performance.now();
    const again = await importIncidents(csv, opts, pool);
    const reimportMs = Math.round(performance.now() - t3);
    log(`re-import (all skipped: ${again.skipped}): ${reimportMs} ms; phases ${JSON.stringify(phases)}`);
    results.importMs = {
      ms: importMs,
      target: 30000,
      rows: SIZE.importRows,
      reimportMs,
      imported: summary.imported,
      bytes: csv.length,
      phases: firstPhases,
      reimportPhases: { ...phases },
    };
  }

  const sizes = {
    ...counts,
    area: `${SIZE.regionM / 1000} x ${SIZE.regionM / 1000} km, RD New`,
    incidentPeriodDays: 365,
    importRows: SIZE.importRows,
    runsPerTiming: 'median of 3 (risk zones: of the 3 warm runs after the first)',
  };
  const body = { setupMs: setup, results };
  // A partial run (--only) prints its numbers but leaves the results file alone.
  console.log(JSON.stringify(ONLY === null ? run.write(sizes, body) : { sizes, ...body }, null, 2));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
