/**
 * The effect endpoints on synthetic data: every figure's counts checked against a direct count
 * in SQL, the campaign view of one campaign, and another municipality's campaign as missing.
 */
import '../helpers/own-redis-prefix';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureMunicipality } from '../../server/municipalities/municipalities.repo';
import { bearer, createTestUser, useTestApp, type TestUser } from '../helpers/app';
import { useTestDatabase } from '../helpers/db';
import { insertSyntheticIncidents } from '../helpers/synthetic-incidents';
import { pdfPages, pdfText, squash } from '../helpers/pdf';

const t = useTestDatabase();
const app = useTestApp();
let officer: TestUser;
let stranger: TestUser;
let campaignId: number;

beforeAll(async () => {
  officer = await createTestUser(t.pool, { role: 'officer' });
  await ensureMunicipality(t.pool, { code: 'GM0599', name: 'Rotterdam' });
  stranger = await createTestUser(t.pool, { role: 'officer', municipality: 'GM0599' });
  await insertSyntheticIncidents(t.pool, { municipalityCode: 'GM0503', count: 200, seed: 7 });
  // A campaign 14 weeks ago to the streets of the burglary nearest that moment.
  const c = await t.pool.query<{ id: string }>(
    `INSERT INTO campaigns (municipality_id, kind, template, language, selection, created_actor, created_at)
     SELECT id, 'cocoon', 'cocoon-warning', 'nl', '{}', 'test', now() - interval '14 weeks' FROM municipalities WHERE code = 'GM0503'
     RETURNING id`,
  );
  campaignId = Number(c.rows[0]!.id);
  await t.pool.query(
    `INSERT INTO letters (campaign_id, address_id, status, pdf_sha256)
     SELECT $1, a.id, 'rendered', repeat('a', 64) FROM addresses a
     WHERE a.residential AND a.street_id IN (
       SELECT street_id FROM incidents WHERE street_id IS NOT NULL
       ORDER BY abs(extract(epoch FROM occurred_from - (now() - interval '14 weeks'))) LIMIT 3)`,
    [campaignId],
  );
  // Subsidy applications: 10 days after the campaign on every lettered address with an even id,
  // and 5 days after on 40 addresses elsewhere; 20 days before on 10 lettered addresses.
  await t.pool.query(
    `INSERT INTO subsidy_applications (municipality_id, address_id, street_id, applied_on, scheme, amount_cents, imported_actor)
     SELECT a.municipality_id, a.id, a.street_id, (c.created_at + make_interval(days => d))::date, 'hang- en sluitwerk', 7000, 'test'
     FROM campaigns c, addresses a, LATERAL (SELECT CASE
         WHEN a.id IN (SELECT address_id FROM letters WHERE campaign_id = c.id) AND a.id % 2 = 0 THEN 10
         WHEN a.id NOT IN (SELECT address_id FROM letters WHERE campaign_id = c.id) AND a.id % 97 = 0 THEN 5 END AS d) x
     WHERE c.id = $1 AND a.residential AND x.d IS NOT NULL`,
    [campaignId],
  );
  await t.pool.query(
    `INSERT INTO subsidy_applications (municipality_id, address_id, street_id, applied_on, scheme, amount_cents, imported_actor)
     SELECT a.municipality_id, a.id, a.street_id, (c.created_at - interval '20 days')::date, 'hang- en sluitwerk', 7000, 'test'
     FROM campaigns c JOIN letters l ON l.campaign_id = c.id JOIN addresses a ON a.id = l.address_id
     WHERE c.id = $1 ORDER BY a.id LIMIT 10`,
    [campaignId],
  );
});

async function get(path: string, who: TestUser) {
  const res = await fetch(`${app.url}${path}`, { headers: bearer(who) });
  return {
    status: res.status, // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a JSON answer read by its fields
    body: (await res.json()) as any,
  };
}

test('municipality view: the counts equal direct counts in SQL', async () => {
  const { status, body } = await get('/api/effect?municipality=GM0503&minIndex=5&minStreets=1', officer);
  expect(status).toBe(200);
  const f = body.followOn.current;
  const direct = await t.pool.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM incidents i JOIN municipalities m ON m.id = i.municipality_id
     WHERE m.code = 'GM0503' AND i.geom IS NOT NULL AND i.occurred_from >= $1 AND i.occurred_from < $2
       AND i.occurred_from + interval '14 days' <= now()`,
    [body.period.from, body.period.to],
  );
  expect(f.letters.indexBurglaries + f.none.indexBurglaries).toBe(direct.rows[0]!.n);
  expect(body.followOn.settings).toEqual({ distanceM: 200, days: 14, letterHours: 48, minIndex: 5 });
  const ba = body.beforeAfter;
  expect(ba.campaigns).toBe(1);
  const streets = await t.pool.query<{ n: number; before: number; after: number }>(
    `WITH s AS (SELECT DISTINCT a.street_id FROM letters l JOIN addresses a ON a.id = l.address_id WHERE l.campaign_id = $1),
          c AS (SELECT created_at AS t FROM campaigns WHERE id = $1)
     SELECT (SELECT count(*)::int FROM s) AS n,
            (SELECT count(*)::int FROM incidents i, c WHERE i.street_id IN (SELECT street_id FROM s)
               AND i.occurred_from >= c.t - interval '8 weeks' AND i.occurred_from < c.t) AS before,
            (SELECT count(*)::int FROM incidents i, c WHERE i.street_id IN (SELECT street_id FROM s)
               AND i.occurred_from >= c.t AND i.occurred_from < c.t + interval '8 weeks') AS after`,
    [campaignId],
  );
  expect(ba.figure.treated).toEqual({
    streets: streets.rows[0]!.n,
    before: streets.rows[0]!.before,
    after: streets.rows[0]!.after,
  });
  expect(ba.figure.comparison.streets).toBeGreaterThan(0);
  const up = body.subsidyUptake;
  expect(up.campaigns).toBe(1);
  const direct3 = await t.pool.query<{
    treated: boolean;
    streets: number;
    addresses: number;
    before: number;
    after: number;
  }>(
    `WITH c AS (SELECT created_at AS t FROM campaigns WHERE id = $1),
          lt AS (SELECT DISTINCT a.street_id FROM letters l JOIN addresses a ON a.id = l.address_id WHERE l.campaign_id = $1),
          st AS (SELECT street_id, count(*) AS n FROM addresses WHERE residential AND street_id IS NOT NULL GROUP BY 1)
     SELECT st.street_id IN (SELECT street_id FROM lt) AS treated, count(*)::int AS streets, sum(st.n)::int AS addresses,
            coalesce(sum((SELECT count(*) FROM subsidy_applications sa, c WHERE sa.street_id = st.street_id
              AND sa.applied_on >= (c.t - interval '90 days')::date AND sa.applied_on < c.t::date)), 0)::int AS before,
            coalesce(sum((SELECT count(*) FROM subsidy_applications sa, c WHERE sa.street_id = st.street_id
              AND sa.applied_on >= c.t::date AND sa.applied_on < (c.t + interval '90 days')::date)), 0)::int AS after
     FROM st GROUP BY 1`,
    [campaignId],
  );
  const byGroup = Object.fromEntries(direct3.rows.map((r) => [String(r.treated), r]));
  for (const [key, g] of [
    ['true', up.figure.letters],
    ['false', up.figure.none],
  ] as const) {
    const d = byGroup[key]!;
    expect(g).toMatchObject({
      streets: d.streets,
      addresses: d.addresses,
      applicationsBefore: d.before,
      applicationsAfter: d.after,
    });
  }
  expect(up.figure.letters.applicationsAfter).toBeGreaterThan(0);
  const ins = await t.pool.query<{ n: number; f: number }>(
    `SELECT count(*)::int AS n, (SELECT count(*)::int FROM inspection_findings) AS f FROM inspections
     WHERE starts_at >= $1 AND starts_at < $2`,
    [body.period.from, body.period.to],
  );
  expect(body.inspections).toMatchObject({ inspections: ins.rows[0]!.n, findings: ins.rows[0]!.f });
  expect(body.evenings).toEqual({
    evenings: 0,
    held: 0,
    cancelled: 0,
    invited: 0,
    households: 0,
    people: 0,
    attended: 0,
  });
  expect(body.notes.length).toBeGreaterThan(0);
});

test('campaign view: the same figure for the one campaign; the default minimum says too few', async () => {
  const { status, body } = await get(`/api/effect/campaigns/${campaignId}`, officer);
  expect(status).toBe(200);
  expect(body.campaign.letters).toBeGreaterThan(0);
  expect(body.beforeAfter.figure.status).toBe('too-few');
  expect(body.beforeAfter.figure.difference).toBeNull();
  expect(body.beforeAfter.figure.treated.streets).toBeGreaterThan(0);
});

test("another municipality's officer: the campaign is missing, the municipality refused", async () => {
  expect((await get(`/api/effect/campaigns/${campaignId}`, stranger)).status).toBe(404);
  expect((await get('/api/effect?municipality=GM0503', stranger)).status).toBe(403);
  expect((await get('/api/effect?municipality=GM0503&from=2026-05-01&to=2026-01-01', officer)).status).toBe(
    400,
  );
});

/** The PDF's images (pdfimages -list), one line each after the two header lines. */
function pdfImages(pdf: Uint8Array): string[] {
  const file = path.join(os.tmpdir(), `pk-factsheet-${process.pid}-${Date.now()}.pdf`);
  fs.writeFileSync(file, pdf);
  try {
    return execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' }).trim().split('\n').slice(2);
  } finally {
    fs.rmSync(file, { force: true });
  }
}

const nl2 = (x: number) => x.toFixed(2).replace('.', ',');
const en2 = (x: number) => x.toFixed(2);

test.each([
  {
    lang: 'nl',
    place: 'Gemeente Delft',
    letters: (n: number, f: number) =>
      `Buren kregen binnen 48 uur een brief: ${n} inbraken, ${f} vervolginbraken`,
    none: (n: number, f: number) => `Buren kregen geen brief: ${n} inbraken, ${f} vervolginbraken`,
    treated: (b: number, a: number) => `${b} inbraken in de 8 weken ervoor, ${a} erna`,
    uptake: (n: number) => `${n} in straten met brieven`,
    interval: /95%-interval|Te weinig/,
    dec: nl2,
    map: 'Waar de inbraken waren',
  },
  {
    lang: 'en',
    place: 'Municipality of Delft',
    letters: (n: number, f: number) =>
      `Neighbours got a letter within 48 hours: ${n} burglaries, ${f} follow-on burglaries`,
    none: (n: number, f: number) => `Neighbours got no letter: ${n} burglaries, ${f} follow-on burglaries`,
    treated: (b: number, a: number) => `${b} burglaries in the 8 weeks before, ${a} after`,
    uptake: (n: number) => `${n} in streets with letters`,
    interval: /95% interval|Too few/,
    dec: en2,
    map: 'Where the burglaries were',
  },
])(
  'the council factsheet ($lang): one A4 page with the figures the API gives and a map',
  async (x) => {
    const q = 'municipality=GM0503&minIndex=5&minStreets=1';
    const { body } = await get(`/api/effect?${q}`, officer);
    const res = await fetch(`${app.url}/api/effect/factsheet.pdf?${q}&lang=${x.lang}`, {
      headers: bearer(officer),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const pdf = new Uint8Array(await res.arrayBuffer());
    if (process.env.FACTSHEET_PDF) fs.writeFileSync(`${process.env.FACTSHEET_PDF}.${x.lang}.pdf`, pdf);
    expect(pdfPages(pdf)).toBe(1);
    const text = squash(pdfText(pdf));
    expect(text).toContain(x.place);
    const f = body.followOn.current;
    expect(text).toContain(x.letters(f.letters.indexBurglaries, f.letters.followOns));
    expect(text).toContain(x.none(f.none.indexBurglaries, f.none.followOns));
    if (f.ratio !== null) expect(text).toContain(x.dec(f.ratio));
    const ba = body.beforeAfter.figure;
    expect(text).toContain(x.treated(ba.treated.before, ba.treated.after));
    if (ba.difference !== null) expect(text).toContain(x.dec(ba.difference));
    const up = body.subsidyUptake.figure;
    expect(text).toContain(x.uptake(up.letters.applicationsAfter));
    expect(text).toMatch(x.interval);
    const total = body.months.reduce((s: number, m: { burglaries: number }) => s + m.burglaries, 0);
    expect(text).toContain(String(total));
    expect(text).not.toMatch(/het werkt|it works|werkt niet|does not work/i);
    // The map: one image, 900 x 600 pixels, with its caption.
    expect(text).toContain(x.map);
    const images = pdfImages(pdf);
    expect(images).toHaveLength(1);
    expect(images[0]).toMatch(/^\s*1\s+\d+\s+image\s+900\s+600\s/);
  },
  90_000,
);

test('the factsheet refuses an unknown language', async () => {
  const res = await fetch(`${app.url}/api/effect/factsheet.pdf?municipality=GM0503&lang=de`, {
    headers: bearer(officer),
  });
  expect(res.status).toBe(400);
});
