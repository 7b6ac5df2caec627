/**
 * Effect figures benchmark (issue 13): `npm run bench -- effect`.
 *
 * Builds a generated municipality in a scratch database (dropped after the run): 5,000 streets
 * on a 10 x 10 km grid (RD New), 40 residential addresses each (200,000), 100,000 burglaries over
 * 365 days (30 % at random, 70 % within 250 m and 21 days of an earlier one), 2,000 cocoon
 * campaigns (each made 4 to 40 hours after a burglary, with letters to the addresses within
 * 100 m of it) and 20,000 subsidy applications. Then times `GET /api/effect`'s work for the
 * whole year (measures 1-4, as municipalityEffect runs them) and one campaign's view.
 * Writes bench/results/effect.json. `BENCH_SMOKE=1`: a tenth of everything.
 */
import { config } from '../server/core/config';
import { createPool, setPool, closeDb } from '../server/core/db';
import { dropDatabase, ensureDatabase, migrate } from '../server/core/migrate';
import { EffectQuery } from '../server/effect/effect-input';
import {
  beforeAfterFigures,
  campaignEffect,
  followOnFigures,
  municipalityEffect,
  uptakeFigures,
} from '../server/effect/effect.service';
import * as repo from '../server/effect/effect.repo';
import { db } from '../server/core/db';
import { BenchRun } from './bench-run';

const run = new BenchRun('effect');
const F = BenchRun.smoke ? 0.1 : 1;
const SIZE = {
  streets: Math.round(5_000 * F),
  addressesPerStreet: 40,
  incidents: Math.round(100_000 * F),
  campaigns: Math.round(2_000 * F),
  applications: Math.round(20_000 * F),
};
const NOW = new Date('2026-01-01T00:00:00Z');

function log(msg: string): void {
  process.stderr.write(`[bench] ${msg}\n`);
}

async function main(): Promise<void> {
  const url = new URL(config().DATABASE_URL);
  // --keep leaves the scratch database pk_bench_effect for working on the queries.
  const keep = process.argv.includes('--keep');
  url.pathname = `/${keep ? 'pk_bench_effect' : run.scratchDatabase()}`;
  await dropDatabase(url.toString());
  await ensureDatabase(url.toString());
  const pool = createPool(url.toString(), 4);
  setPool(pool);
  const setup: Record<string, number> = {};
  try {
    await migrate(pool);
    let t0 = performance.now();
    const side = Math.ceil(Math.sqrt(SIZE.streets));
    const mid = (
      await pool.query<{ id: number }>(
        `INSERT INTO municipalities (code, name) VALUES ('BENCH', 'Benchstad') RETURNING id`,
      )
    ).rows[0]!.id;
    // Streets: 140 m east-west pieces on a grid, 40 addresses along each (20 a side).
    await pool.query(
      `INSERT INTO streets (municipality_id, name, place, geom)
       SELECT $1, 'Straat ' || g, 'BENCHSTAD',
              ST_Multi(ST_MakeLine(ST_MakePoint(100000 + (g % $2) * 160, 450000 + (g / $2) * 160),
                                   ST_MakePoint(100140 + (g % $2) * 160, 450000 + (g / $2) * 160)))::geometry(MultiLineString, 28992)
       FROM generate_series(0, $3 - 1) g`,
      [mid, side, SIZE.streets],
    );
    await pool.query(
      `INSERT INTO addresses (municipality_id, street_id, source, source_key, street_name, huisnummer, postcode, place, geom)
       SELECT s.municipality_id, s.id, 'bench', s.id || '-' || n, s.name, n,
              (1000 + s.id % 8999)::text || chr(65 + (n % 26)) || chr(65 + (n / 26) % 26), s.place,
              ST_SetSRID(ST_MakePoint(ST_XMin(s.geom) + (n / 2) * 7, ST_YMin(s.geom) + CASE WHEN n % 2 = 0 THEN 8 ELSE -8 END), 28992)
       FROM streets s, generate_series(1, $1) n`,
      [SIZE.addressesPerStreet],
    );
    setup.streetsAndAddressesMs = Math.round(performance.now() - t0);
    t0 = performance.now();
    // 30 % first burglaries at random addresses and times; 70 % near and after one of them.
    const firsts = Math.round(SIZE.incidents * 0.3);
    await pool.query(
      `WITH a AS (SELECT id, street_id, geom, row_number() OVER (ORDER BY id) AS k FROM addresses),
            r AS (SELECT g, 1 + floor(random() * (SELECT count(*) FROM addresses))::bigint AS k,
                         $3::timestamptz - (random() * 365 + 14) * interval '1 day' AS t
                  FROM generate_series(1, $2) g)
       INSERT INTO incidents (municipality_id, source, external_id, occurred_from, occurred_to, address_id, street_id, geom)
       SELECT $1, 'bench', 'F' || r.g, r.t, r.t + interval '2 hours', a.id, a.street_id, a.geom
       FROM r JOIN a ON a.k = r.k`,
      [mid, firsts, NOW],
    );
    await pool.query(
      `WITH f AS (SELECT id, geom, occurred_from, row_number() OVER (ORDER BY id) AS k FROM incidents),
            r AS (SELECT g, 1 + floor(random() * (SELECT count(*) FROM incidents))::bigint AS k,
                         random() * 250 AS d, random() * 2 * pi() AS ang, random() * 21 AS days
                  FROM generate_series(1, $2) g)
       INSERT INTO incidents (municipality_id, source, external_id, occurred_from, occurred_to, address_id, street_id, geom)
       SELECT $1, 'bench', 'R' || r.g, f.occurred_from + r.days * interval '1 day',
              f.occurred_from + r.days * interval '1 day' + interval '2 hours', x.id, x.street_id, x.geom
       FROM r JOIN f ON f.k = r.k
       CROSS JOIN LATERAL (SELECT a.id, a.street_id, a.geom FROM addresses a
                           ORDER BY a.geom <-> ST_Translate(f.geom, r.d * cos(r.ang), r.d * sin(r.ang)) LIMIT 1) x`,
      [mid, SIZE.incidents - firsts],
    );
    setup.incidentsMs = Math.round(performance.now() - t0);
    t0 = performance.now();
    await pool.query(
      `WITH pick AS (SELECT id, geom, occurred_from FROM incidents ORDER BY random() LIMIT $2),
            c AS (INSERT INTO campaigns (municipality_id, kind, template, language, selection, incident_id, created_actor, created_at)
                  SELECT $1, 'cocoon', 'cocoon-warning', 'nl', '{}', id, 'bench', occurred_from + (4 + random() * 36) * interval '1 hour'
                  FROM pick RETURNING id, incident_id)
       INSERT INTO letters (campaign_id, address_id, status)
       SELECT c.id, a.id, 'pending' FROM c JOIN pick p ON p.id = c.incident_id
       JOIN addresses a ON ST_DWithin(a.geom, p.geom, 100)`,
      [mid, SIZE.campaigns],
    );
    await pool.query(
      `INSERT INTO subsidy_applications (municipality_id, address_id, street_id, applied_on, scheme, amount_cents, imported_actor)
       SELECT DISTINCT ON (a.id, d) $1, a.id, a.street_id, d, 'hang- en sluitwerk', 7000, 'bench'
       FROM (SELECT 1 + floor(random() * (SELECT max(id) FROM addresses))::bigint AS aid,
                    ($2::date - floor(random() * 365)::int) AS d
             FROM generate_series(1, $3)) r
       JOIN addresses a ON a.id = r.aid
       ON CONFLICT DO NOTHING`,
      [mid, NOW.toISOString().slice(0, 10), SIZE.applications],
    );
    await pool.query('ANALYZE');
    setup.campaignsAndApplicationsMs = Math.round(performance.now() - t0);
    const counts = (
      await pool.query(
        `SELECT (SELECT count(*)::int FROM incidents) AS incidents, (SELECT count(*)::int FROM campaigns) AS campaigns,
                (SELECT count(*)::int FROM letters) AS letters, (SELECT count(*)::int FROM subsidy_applications) AS applications`,
      )
    ).rows[0];
    log(`setup ${JSON.stringify({ ...setup, ...counts })}`);

    const viewer = { municipalities: 'all' as const };
    const q = EffectQuery.parse({
      municipality: 'BENCH',
      from: new Date(NOW.getTime() - 365 * 86_400_000).toISOString(),
      to: NOW.toISOString(),
    });
    const times: number[] = [];
    let figures: Awaited<ReturnType<typeof municipalityEffect>> | undefined;
    for (let i = 0; i < 5; i++) {
      const s = performance.now();
      figures = await municipalityEffect(viewer, q, NOW);
      times.push(Math.round(performance.now() - s));
      log(`municipality view ${times[i]} ms`);
    }
    // The parts, once each, to see where the time goes.
    const period = { from: q.from!, to: q.to! };
    const part = async (name: string, fn: () => Promise<unknown>) => {
      const s0 = performance.now();
      await fn();
      parts[name] = Math.round(performance.now() - s0);
    };
    const parts: Record<string, number> = {};
    await part('followOn', () => followOnFigures(db(), mid, period, q, NOW));
    // The lists measures 2 and 3 count from (the reference rows, a row per campaign and street,
    // are 10 million at full size and are not timed any more).
    await part('windowListsSql', async () => {
      await repo.windowCampaigns(db(), {
        municipalityId: mid,
        campaignId: null,
        ...period,
        days: 56,
        observedUntil: NOW,
      });
      await repo.residentialStreets(db(), mid);
      await repo.letterStreets(db(), mid, new Date(period.from.getTime() - 56 * 86_400_000), NOW);
      await repo.streetBurglaryTimes(db(), mid, new Date(period.from.getTime() - 56 * 86_400_000), NOW);
    });
    await part('beforeAfter', () => beforeAfterFigures(db(), mid, period, q, NOW));
    await part('uptake', () => uptakeFigures(db(), mid, period, q, NOW));
    log(`parts ${JSON.stringify(parts)}`);
    const anyCampaign = (await pool.query<{ id: string }>('SELECT id FROM campaigns ORDER BY id LIMIT 1'))
      .rows[0]!.id;
    const s = performance.now();
    await campaignEffect(viewer, Number(anyCampaign), EffectQuery.parse({}), NOW);
    const campaignMs = Math.round(performance.now() - s);
    const sorted = [...times].sort((a, b) => a - b);
    const body = {
      municipalityViewMs: times,
      municipalityViewMedianMs: sorted[2],
      campaignViewMs: campaignMs,
      partsMs: parts,
      targetMs: 2000,
      setup: { ...setup, ...counts },
      figures: {
        indexBurglaries:
          figures!.followOn.current.letters.indexBurglaries + figures!.followOn.current.none.indexBurglaries,
        withLetters: figures!.followOn.current.letters.indexBurglaries,
        ratio: figures!.followOn.current.ratio,
        beforeAfterCampaigns: figures!.beforeAfter.campaigns,
        uptakeCampaigns: figures!.subsidyUptake.campaigns,
      },
    };
    console.log(JSON.stringify(run.write(SIZE, body), null, 2));
  } finally {
    await closeDb();
    if (!keep) await dropDatabase(url.toString());
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
