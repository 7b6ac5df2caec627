/**
 * Import speed: the Delft demo OSM extract (import-osm) and the Amsterdam BAG fixture
 * (import-bag), first run and idempotent second run, on a scratch database that is dropped
 * afterwards. Run: `npm run bench -- imports` (uses DATABASE_URL's server; 3 rounds, median),
 * results in bench/results/imports.json. `BENCH_SMOKE=1`: one round, to bench/results/smoke/.
 */
import path from 'node:path';
import { config } from '../server/core/config';
import { createPool } from '../server/core/db';
import { dropDatabase, ensureDatabase, migrate } from '../server/core/migrate';
import { importBag } from '../server/imports/bag-import';
import { importOsm } from '../server/imports/osm-import';
import { BenchRun } from './bench-run';

const run = new BenchRun('imports');
const ROUNDS = BenchRun.smoke ? 1 : 3;
const OSM = path.join(config().rootDir, 'data', 'demo', 'delft_tudelft.osm.pbf');
const BAG = path.join(
  config().rootDir,
  'tests',
  'fixtures',
  'bag',
  'amsterdam_spaarndammerbuurt_bag_rd.gpkg',
);

async function time<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t0 = process.hrtime.bigint();
  const r = await fn();
  return [Number(process.hrtime.bigint() - t0) / 1e6, r];
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main(): Promise<void> {
  const results: Record<string, number[]> = {};
  const add = (k: string, ms: number) => (results[k] ??= []).push(ms);
  let counts: Record<string, { read: number; imported: number }> = {};
  for (let round = 0; round < ROUNDS; round++) {
    const url = new URL(config().DATABASE_URL);
    const name = run.scratchDatabase();
    url.pathname = `/${name}`;
    await ensureDatabase(url.toString());
    const pool = createPool(url.toString(), 2);
    try {
      await migrate(pool);
      const municipality = { code: 'GM0503', name: 'Delft' };
      const [osm1, s1] = await time(() => importOsm(OSM, { municipality, actor: 'bench' }, pool));
      const [osm2] = await time(() => importOsm(OSM, { municipality, actor: 'bench' }, pool));
      const opts = { municipality: 'GM0363', name: 'Amsterdam', actor: 'bench' };
      const [bag1, s2] = await time(() => importBag(BAG, opts, pool));
      const [bag2] = await time(() => importBag(BAG, opts, pool));
      add('import-osm Delft demo, first run', osm1);
      add('import-osm Delft demo, second run (no change)', osm2);
      add('import-bag Amsterdam fixture, first run', bag1);
      add('import-bag Amsterdam fixture, second run (no change)', bag2);
      counts = {
        osm: { read: s1.read, imported: s1.imported },
        bag: { read: s2.read, imported: s2.imported },
      };
    } finally {
      await pool.end();
      const url = new URL(config().DATABASE_URL);
      url.pathname = `/${name}`;
      await dropDatabase(url.toString());
    }
  }
  console.log(`| what | median of ${ROUNDS} (ms) |\n|---|---|`);
  for (const [k, v] of Object.entries(results)) console.log(`| ${k} | ${median(v).toFixed(0)} |`);
  console.log(
    `osm: ${counts.osm?.read} read, ${counts.osm?.imported} imported; bag: ${counts.bag?.read} read, ${counts.bag?.imported} imported`,
  );
  run.write(
    {
      rounds: ROUNDS,
      osm: { file: path.relative(config().rootDir, OSM), ...counts.osm },
      bag: { file: path.relative(config().rootDir, BAG), ...counts.bag },
    },
    {
      medianMs: Object.fromEntries(Object.entries(results).map(([k, v]) => [k, Math.round(median(v))])),
      runsMs: Object.fromEntries(Object.entries(results).map(([k, v]) => [k, v.map(Math.round)])),
    },
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
