/**
 * Measures 2 and 3 on the database: the figures counted from the lists
 * (server/effect/campaign-windows.ts, as GET /api/effect gives them) equal diffInDiff() and
 * uptake() over the reference rows of street-windows.sql and uptake-windows.sql (one row per
 * campaign and street), for a period of many campaigns (one cancelled, two made at the same
 * moment, streets lettered by several), for each single campaign, and for other window lengths.
 */
import { EffectSettings } from '../../server/effect/effect-input';
import { streetWindows, uptakeWindows } from '../../server/effect/effect.repo';
import { beforeAfterFigures, uptakeFigures } from '../../server/effect/effect.service';
import { diffInDiff } from '../../server/effect/diff-in-diff';
import { uptake } from '../../server/effect/uptake';
import { EFFECT_DEFAULTS } from '../../server/effect/effect-input';
import { useTestDatabase } from '../helpers/db';
import { insertSyntheticIncidents } from '../helpers/synthetic-incidents';

const t = useTestDatabase();
let municipalityId: number;
const campaignIds: number[] = [];
const now = new Date();
const period = { from: new Date(now.getTime() - 365 * 86_400_000), to: now };

beforeAll(async () => {
  municipalityId = (await t.pool.query(`SELECT id FROM municipalities WHERE code = 'GM0503'`)).rows[0].id;
  await insertSyntheticIncidents(t.pool, { municipalityCode: 'GM0503', count: 400, seed: 21, hotspots: 4 });
  // 16 campaigns, 7 to 44 weeks ago, each to the streets of 3 burglaries near its moment; two at
  // the same moment; one cancelled.
  for (let i = 0; i < 16; i++) {
    const weeks = i === 5 ? 7 + 4 * 4 : 7 + i * 2.3;
    const c = await t.pool.query<{ id: string }>(
      `INSERT INTO campaigns (municipality_id, kind, template, language, selection, created_actor, created_at, cancelled_at)
       VALUES ($1, 'cocoon', 'cocoon-warning', 'nl', '{}', 'test', date_trunc('second', now()) - make_interval(secs => $2::float8 * 7 * 86400),
               CASE WHEN $3 THEN now() END) RETURNING id`,
      [municipalityId, weeks, i === 9],
    );
    const id = Number(c.rows[0]!.id);
    campaignIds.push(id);
    await t.pool.query(
      `INSERT INTO letters (campaign_id, address_id, status, pdf_sha256)
       SELECT $1, a.id, CASE WHEN a.id % 11 = 0 THEN 'failed' ELSE 'rendered' END,
              CASE WHEN a.id % 11 = 0 THEN NULL ELSE repeat('a', 64) END FROM addresses a
       WHERE a.residential AND a.street_id IN (
         SELECT street_id FROM incidents i, campaigns c WHERE c.id = $1 AND i.street_id IS NOT NULL
         ORDER BY abs(extract(epoch FROM i.occurred_from - c.created_at)), i.id LIMIT 3)`,
      [id],
    );
  }
  // Subsidy applications on every 23rd address, spread over the year.
  await t.pool.query(
    `INSERT INTO subsidy_applications (municipality_id, address_id, street_id, applied_on, scheme, amount_cents, imported_actor)
     SELECT a.municipality_id, a.id, a.street_id, (now() - make_interval(days => ((a.id * 7919) % 360)::int))::date, 'hang- en sluitwerk', 5000, 'test'
     FROM addresses a WHERE a.residential AND a.id % 23 = 0 AND a.street_id IS NOT NULL`,
  );
});

const settings = (extra: Partial<Record<string, number>> = {}) =>
  EffectSettings.parse({ minStreets: 1, ...extra });

test.each([{}, { weeks: 4, uptakeDays: 30 }, { weeks: 12, uptakeDays: 120, seed: 5 }])(
  'the period, settings %j: the same figures as the reference rows',
  async (extra) => {
    const s = settings(extra);
    const opts = { minStreets: s.minStreets, seed: s.seed, replicates: EFFECT_DEFAULTS.replicates };
    const base = { municipalityId, campaignId: null, ...period, observedUntil: now };
    const rows2 = await streetWindows(t.pool, { ...base, weeks: s.weeks });
    const fast2 = await beforeAfterFigures(t.pool, municipalityId, period, s, now);
    expect(fast2.figure).toEqual(diffInDiff(rows2, { ...opts, matches: 3 }));
    expect(fast2.campaigns).toBe(new Set(rows2.map((r) => r.campaignId)).size);
    expect(fast2.campaigns).toBeGreaterThan(5);
    expect(fast2.figure.treated.streets).toBeGreaterThan(5);
    const rows3 = await uptakeWindows(t.pool, { ...base, days: s.uptakeDays });
    const fast3 = await uptakeFigures(t.pool, municipalityId, period, s, now);
    expect(fast3.figure).toEqual(uptake(rows3, opts));
    expect(fast3.campaigns).toBe(new Set(rows3.map((r) => r.campaignId)).size);
    expect(fast3.figure.letters.applicationsAfter + fast3.figure.none.applicationsAfter).toBeGreaterThan(0);
  },
  60_000,
);

test('each campaign on its own: the same figures as the reference rows (the cancelled one has none)', async () => {
  const s = settings();
  const opts = { minStreets: 1, seed: s.seed, replicates: EFFECT_DEFAULTS.replicates };
  for (const campaignId of campaignIds) {
    const base = { municipalityId, campaignId, from: now, to: now, observedUntil: now };
    const which = { campaignId };
    const rows2 = await streetWindows(t.pool, { ...base, weeks: s.weeks });
    expect((await beforeAfterFigures(t.pool, municipalityId, which, s, now)).figure).toEqual(
      diffInDiff(rows2, { ...opts, matches: 3 }),
    );
    const rows3 = await uptakeWindows(t.pool, { ...base, days: s.uptakeDays });
    expect((await uptakeFigures(t.pool, municipalityId, which, s, now)).figure).toEqual(uptake(rows3, opts));
  }
  const cancelled = await beforeAfterFigures(t.pool, municipalityId, { campaignId: campaignIds[9]! }, s, now);
  expect(cancelled.campaigns).toBe(0);
}, 120_000);
